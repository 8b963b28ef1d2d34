import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import {
  insufficientBalanceMessage,
  lockPayee,
  pageOfRows,
  releaseDueEarnings,
  withdrawalNumbers,
  wrongWithdrawalStateMessage,
} from "../../lib/income/income-sql"
import { shareAfterRefund } from "../../lib/income/share-of-price"
import { DoctorEarning } from "./models/doctor-earning"
import { DoctorIncomeSetting } from "./models/doctor-income-setting"
import { DoctorPayoutAccount } from "./models/doctor-payout-account"
import { DoctorWithdrawal } from "./models/doctor-withdrawal"
import { doctorIncomeDefaults, type DoctorIncomeSettings } from "./rules/doctor-income-defaults"
import type {
  DoctorEarningReversal,
  DoctorEarningRow,
  DoctorEarningSource,
  DoctorIncomeTotals,
  DoctorPayoutAccountRow,
  DoctorWithdrawalRow,
  DoctorWithdrawalStatus,
  NewDoctorEarning,
} from "./types"

export * from "./types"

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

const EARNING_COLUMNS = `id, source_type, source_id, doctor_id, kind, price_fen, share_percent,
  amount_fen, reversed_fen, status, earned_at, release_at, available_at, created_at`
const WITHDRAWAL_COLUMNS = `id, doctor_id, amount_fen, status, method, reference, transfer_state,
  transfer_package, fail_reason, reject_reason, reviewed_by, reviewed_at, paid_by, paid_at,
  created_at`

/** Withdrawals still waiting for finance or WeChat: one at a time, held out of the balance. */
const OPEN = `('requested', 'approved', 'paying')`

export const DOCTOR_WITHDRAWAL_LABELS: Record<DoctorWithdrawalStatus, string> = {
  requested: "待打款",
  approved: "已审核，待转账",
  paying: "微信转账中，待确认收款",
  paid: "已打款",
  rejected: "已驳回",
  failed: "微信转账未完成，已退回余额",
}

/**
 * 医生收入: one earning per consultation, assessment report or group session, the doctor's
 * withdrawals and the settlement settings. Doctors and their work live in other modules and
 * are referred to by id. Money moves by conditional UPDATEs on the state they start from;
 * a withdrawal takes the doctor's advisory lock, so concurrent requests move it once.
 */
class DoctorIncomeModuleService extends MedusaService({
  DoctorEarning,
  DoctorWithdrawal,
  DoctorIncomeSetting,
  DoctorPayoutAccount,
}) {
  // ---- settings ----------------------------------------------------------------------

  @InjectManager()
  async settings(@MedusaContext() context: Context = {}): Promise<DoctorIncomeSettings> {
    const [row] = await this.sql(context).execute<DoctorIncomeSettings>(
      `select share_percent, assessment_fee_fen, group_session_fee_fen, hold_hours
       from doctor_income_setting where key = 'default' and deleted_at is null`
    )
    if (!row) return doctorIncomeDefaults()
    return {
      share_percent: row.share_percent,
      assessment_fee_fen: Number(row.assessment_fee_fen),
      group_session_fee_fen: Number(row.group_session_fee_fen),
      hold_hours: Number(row.hold_hours),
    }
  }

  @InjectTransactionManager()
  async saveSettings(
    settings: DoctorIncomeSettings,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorIncomeSettings> {
    await this.sql(context).execute(
      `insert into doctor_income_setting
         (id, key, share_percent, assessment_fee_fen, group_session_fee_fen, hold_hours)
       values (?, 'default', ?::jsonb, ?, ?, ?)
       on conflict (key) where deleted_at is null do update set
         share_percent = excluded.share_percent,
         assessment_fee_fen = excluded.assessment_fee_fen,
         group_session_fee_fen = excluded.group_session_fee_fen,
         hold_hours = excluded.hold_hours, updated_at = now()`,
      [
        generateEntityId("", "docis"),
        JSON.stringify(settings.share_percent),
        settings.assessment_fee_fen,
        settings.group_session_fee_fen,
        settings.hold_hours,
      ]
    )
    return this.settings(context)
  }

  // ---- earnings ----------------------------------------------------------------------

  /**
   * The source's earning, created on the first call only: the unique (source_type,
   * source_id) decides between concurrent callers, so a replayed event or the catch-up
   * sweep racing the completion finds the first one's row.
   */
  @InjectTransactionManager()
  async recordEarning(
    input: NewDoctorEarning,
    @MedusaContext() context: Context = {}
  ): Promise<{ created: boolean; earning: DoctorEarningRow }> {
    const inserted = await this.sql(context).execute(
      `insert into doctor_earning (id, source_type, source_id, doctor_id, kind, price_fen,
         share_percent, amount_fen, status, earned_at, release_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
       on conflict (source_type, source_id) where deleted_at is null do nothing
       returning id`,
      [
        generateEntityId("", "docern"),
        input.source_type,
        input.source_id,
        input.doctor_id,
        input.kind,
        input.price_fen,
        input.share_percent,
        input.amount_fen,
        input.earned_at,
        input.release_at,
      ]
    )
    const earning = await this.earningOf(input.source_type, input.source_id, context)
    return { created: inserted.length > 0, earning: earning! }
  }

  /** Undoes recordEarning for a workflow that failed after it (only the row it created). */
  @InjectTransactionManager()
  async dropEarning(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update doctor_earning set deleted_at = now() where id = ? and deleted_at is null`,
      [id]
    )
  }

  @InjectManager()
  async earningOf(
    sourceType: DoctorEarningSource,
    sourceId: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorEarningRow | null> {
    const [row] = await this.sql(context).execute<DoctorEarningRow>(
      `select ${EARNING_COLUMNS} from doctor_earning
       where source_type = ? and source_id = ? and deleted_at is null`,
      [sourceType, sourceId]
    )
    return row ? this.earningNumbers(row) : null
  }

  /** Source ids among `sourceIds` that already have an earning (for the catch-up sweep). */
  @InjectManager()
  async earnedSources(
    sourceType: DoctorEarningSource,
    sourceIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Set<string>> {
    if (!sourceIds.length) return new Set()
    const rows = await this.sql(context).execute<{ source_id: string }>(
      `select source_id from doctor_earning
       where source_type = ? and source_id in (${sourceIds.map(() => "?").join(", ")})
         and deleted_at is null`,
      [sourceType, ...sourceIds]
    )
    return new Set(rows.map((row) => row.source_id))
  }

  /**
   * The member got `refundFen` of the price back: the earning keeps the share of what the
   * platform kept. Set from the refund's total (not added to), and never lowered, so a
   * replayed refund event reverses nothing more. Null when there is nothing to reverse.
   */
  @InjectTransactionManager()
  async reverseEarning(
    input: { source_type: DoctorEarningSource; source_id: string; refund_fen: number },
    @MedusaContext() context: Context = {}
  ): Promise<DoctorEarningReversal | null> {
    const sql = this.sql(context)
    const [locked] = await sql.execute<DoctorEarningRow>(
      `select ${EARNING_COLUMNS} from doctor_earning
       where source_type = ? and source_id = ? and deleted_at is null for update`,
      [input.source_type, input.source_id]
    )
    if (!locked) return null
    const row = this.earningNumbers(locked)
    if (row.share_percent == null) return null
    const kept = shareAfterRefund(
      { price_fen: row.price_fen, share_percent: row.share_percent, amount_fen: row.amount_fen },
      input.refund_fen
    )
    const reversed = Math.max(row.reversed_fen, row.amount_fen - kept)
    if (reversed === row.reversed_fen) return null
    const status = reversed >= row.amount_fen ? "reversed" : row.status
    await sql.execute(
      `update doctor_earning set reversed_fen = ?, status = ?, updated_at = now() where id = ?`,
      [reversed, status, row.id]
    )
    return {
      earning_id: row.id,
      before: { reversed_fen: row.reversed_fen, status: row.status },
      after: { reversed_fen: reversed, status },
    }
  }

  /** Puts a reversal back (compensation), only if nothing moved the earning since. */
  @InjectTransactionManager()
  async undoReversal(reversal: DoctorEarningReversal, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update doctor_earning set reversed_fen = ?, status = ?, updated_at = now()
       where id = ? and reversed_fen = ? and status = ?`,
      [
        reversal.before.reversed_fen,
        reversal.before.status,
        reversal.earning_id,
        reversal.after.reversed_fen,
        reversal.after.status,
      ]
    )
  }

  /** Pending earnings whose hold has passed by `now` become available; their ids. */
  @InjectTransactionManager()
  async releaseDue(now: Date, @MedusaContext() context: Context = {}): Promise<string[]> {
    return releaseDueEarnings(this.sql(context), "doctor_earning", now)
  }

  /** One doctor's earnings, newest first, a page at a time. */
  @InjectManager()
  async doctorEarnings(
    doctorId: string,
    page: { limit: number; offset: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ earnings: DoctorEarningRow[]; count: number }> {
    const { rows, count } = await pageOfRows<DoctorEarningRow>(this.sql(context), {
      table: "doctor_earning",
      columns: EARNING_COLUMNS,
      filters: [["doctor_id", doctorId]],
      page,
    })
    return { earnings: rows.map((row) => this.earningNumbers(row)), count }
  }

  @InjectManager()
  async totals(
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorIncomeTotals> {
    return this.totalsWith(this.sql(context), doctorId)
  }

  // ---- withdrawals -------------------------------------------------------------------

  /**
   * Moves `amountFen` of the doctor's available balance into a withdrawal. The doctor's
   * advisory lock serialises their requests: of two at once, the second sees the first's
   * open withdrawal and is refused (one open withdrawal at a time, and never more than the
   * balance). The partial unique index on open withdrawals backs this up.
   */
  @InjectTransactionManager()
  async requestWithdrawal(
    doctorId: string,
    amountFen: number,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorWithdrawalRow> {
    const sql = this.sql(context)
    await lockPayee(sql, `doctor-income:${doctorId}`)
    const totals = await this.totalsWith(sql, doctorId)
    if (totals.requested_fen > 0) {
      throw conflict("已有一笔提现申请待处理，请等财务处理后再申请")
    }
    if (amountFen > totals.available_fen) {
      throw conflict(insufficientBalanceMessage(Math.max(0, totals.available_fen), amountFen))
    }
    const id = generateEntityId("", "docwd")
    await sql.execute(
      `insert into doctor_withdrawal (id, doctor_id, amount_fen, status)
       values (?, ?, ?, 'requested')`,
      [id, doctorId, amountFen]
    )
    return this.withdrawal(id, context)
  }

  /** Undoes requestWithdrawal for a workflow that failed after it. */
  @InjectTransactionManager()
  async dropWithdrawal(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update doctor_withdrawal set deleted_at = now()
       where id = ? and status = 'requested' and deleted_at is null`,
      [id]
    )
  }

  @InjectManager()
  async withdrawal(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorWithdrawalRow> {
    const [row] = await this.sql(context).execute<DoctorWithdrawalRow>(
      `select ${WITHDRAWAL_COLUMNS} from doctor_withdrawal where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw notFound("未找到该提现申请")
    return withdrawalNumbers(row)
  }

  @InjectManager()
  async listWithdrawalsFor(
    filters: { doctor_id?: string; status?: DoctorWithdrawalStatus },
    page: { limit: number; offset: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ withdrawals: DoctorWithdrawalRow[]; count: number }> {
    const { rows, count } = await pageOfRows<DoctorWithdrawalRow>(this.sql(context), {
      table: "doctor_withdrawal",
      columns: WITHDRAWAL_COLUMNS,
      filters: [
        ["doctor_id", filters.doctor_id],
        ["status", filters.status],
      ],
      page,
    })
    return { withdrawals: rows.map(withdrawalNumbers), count }
  }

  /**
   * Finance approves a requested withdrawal (to pay it by WeChat), records the bank transfer
   * that paid it, or rejects it (the amount returns to the balance). Each moves only from the
   * states it starts from, so a double click changes nothing twice; paying again with the
   * same reference answers the paid withdrawal.
   */
  @InjectTransactionManager()
  async moveWithdrawal(
    id: string,
    action:
      | { kind: "approve"; staff_id: string }
      | { kind: "pay"; staff_id: string; reference: string }
      | { kind: "reject"; staff_id: string; reason: string },
    @MedusaContext() context: Context = {}
  ): Promise<{
    withdrawal: DoctorWithdrawalRow
    changed: boolean
    before: DoctorWithdrawalStatus
  }> {
    const current = await this.withdrawal(id, context)
    const before = current.status
    if (
      action.kind === "pay" &&
      current.status === "paid" &&
      current.method === "bank" &&
      current.reference === action.reference
    ) {
      return { withdrawal: current, changed: false, before }
    }
    const sql = this.sql(context)
    let moved: unknown[]
    if (action.kind === "approve") {
      moved = await sql.execute(
        `update doctor_withdrawal set status = 'approved', reviewed_by = ?, reviewed_at = now(),
           updated_at = now()
         where id = ? and status = 'requested' and deleted_at is null returning id`,
        [action.staff_id, id]
      )
    } else if (action.kind === "pay") {
      moved = await sql.execute(
        `update doctor_withdrawal set status = 'paid', method = 'bank', reference = ?,
           reviewed_by = coalesce(reviewed_by, ?), reviewed_at = coalesce(reviewed_at, now()),
           paid_by = ?, paid_at = now(), updated_at = now()
         where id = ? and status in ('requested', 'approved') and deleted_at is null
         returning id`,
        [action.reference, action.staff_id, action.staff_id, id]
      )
    } else {
      moved = await sql.execute(
        `update doctor_withdrawal set status = 'rejected', reject_reason = ?, reviewed_by = ?,
           reviewed_at = now(), updated_at = now()
         where id = ? and status in ('requested', 'approved') and deleted_at is null
         returning id`,
        [action.reason, action.staff_id, id]
      )
    }
    if (!moved.length) {
      const needs = action.kind === "approve" ? "待打款" : "待打款或已审核"
      throw conflict(wrongWithdrawalStateMessage(DOCTOR_WITHDRAWAL_LABELS[current.status], needs))
    }
    return { withdrawal: await this.withdrawal(id, context), changed: true, before }
  }

  /** Undoes moveWithdrawal (compensation): back to `to`, only from the state it set. */
  @InjectTransactionManager()
  async undoMoveWithdrawal(
    input: { id: string; from: DoctorWithdrawalStatus; to: DoctorWithdrawalStatus },
    @MedusaContext() context: Context = {}
  ) {
    const reviewed = input.to === "approved"
    await this.sql(context).execute(
      `update doctor_withdrawal set status = ?, method = null, reference = null,
         reject_reason = null, paid_by = null, paid_at = null,
         reviewed_by = case when ? then reviewed_by end,
         reviewed_at = case when ? then reviewed_at end, updated_at = now()
       where id = ? and status = ?`,
      [input.to, reviewed, reviewed, input.id, input.from]
    )
  }

  // ---- WeChat payout account -----------------------------------------------------------

  @InjectManager()
  async payoutAccount(
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorPayoutAccountRow | null> {
    const [row] = await this.sql(context).execute<DoctorPayoutAccountRow>(
      `select doctor_id, wechat_openid, wechat_unionid, bound_at from doctor_payout_account
       where doctor_id = ? and deleted_at is null`,
      [doctorId]
    )
    return row ?? null
  }

  /**
   * Binds (or rebinds) the WeChat account the doctor's withdrawals are transferred to. An
   * openid already bound to another doctor is refused: one WeChat, one doctor's money. The
   * openid's lock makes two doctors binding the same WeChat at once see each other.
   */
  @InjectTransactionManager()
  async bindWechat(
    input: { doctor_id: string; openid: string; unionid: string | null; at: Date },
    @MedusaContext() context: Context = {}
  ): Promise<DoctorPayoutAccountRow> {
    const sql = this.sql(context)
    await lockPayee(sql, `doctor-wechat:${input.openid}`)
    const [other] = await sql.execute<{ doctor_id: string }>(
      `select doctor_id from doctor_payout_account
       where wechat_openid = ? and doctor_id <> ? and deleted_at is null`,
      [input.openid, input.doctor_id]
    )
    if (other) throw conflict("该微信已绑定其他医生账号，请用本人微信绑定")
    await sql.execute(
      `insert into doctor_payout_account (id, doctor_id, wechat_openid, wechat_unionid, bound_at)
       values (?, ?, ?, ?, ?)
       on conflict (doctor_id) where deleted_at is null do update set
         wechat_openid = excluded.wechat_openid, wechat_unionid = excluded.wechat_unionid,
         bound_at = excluded.bound_at, updated_at = now()`,
      [generateEntityId("", "docpa"), input.doctor_id, input.openid, input.unionid, input.at]
    )
    return (await this.payoutAccount(input.doctor_id, context))!
  }

  // ---- WeChat transfers of withdrawals ---------------------------------------------------

  /**
   * Finance pays an approved withdrawal by WeChat 商家转账: approved → paying with the bill's
   * number as reference, under the doctor's lock (the one requests take). The conditional
   * UPDATE is the guard: of two concurrent clicks one moves it, the other gets a 409 and
   * never reaches WeChat.
   */
  @InjectTransactionManager()
  async startWechatTransfer(
    input: { withdrawal_id: string; staff_id: string; out_bill_no: string },
    @MedusaContext() context: Context = {}
  ): Promise<DoctorWithdrawalRow> {
    const sql = this.sql(context)
    const current = await this.withdrawal(input.withdrawal_id, context)
    await lockPayee(sql, `doctor-income:${current.doctor_id}`)
    const moved = await sql.execute(
      `update doctor_withdrawal set status = 'paying', method = 'wechat', reference = ?,
         transfer_state = null, transfer_package = null, fail_reason = null, paid_by = ?,
         updated_at = now()
       where id = ? and status = 'approved' and deleted_at is null returning id`,
      [input.out_bill_no, input.staff_id, input.withdrawal_id]
    )
    if (!moved.length) {
      const now = await this.withdrawal(input.withdrawal_id, context)
      throw conflict(
        `该提现申请当前为「${DOCTOR_WITHDRAWAL_LABELS[now.status]}」，只有已审核的申请可以发起微信转账`
      )
    }
    return this.withdrawal(input.withdrawal_id, context)
  }

  /** Undoes startWechatTransfer when WeChat refused to create the bill: back to approved. */
  @InjectTransactionManager()
  async abandonWechatTransfer(withdrawalId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update doctor_withdrawal set status = 'approved', method = null, reference = null,
         transfer_state = null, transfer_package = null, paid_by = null, updated_at = now()
       where id = ? and status = 'paying'`,
      [withdrawalId]
    )
  }

  /** Keeps the bill's state and the doctor's confirmation package while it is paying. */
  @InjectTransactionManager()
  async recordWechatTransferState(
    input: { withdrawal_id: string; state: string; package_info?: string | null },
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `update doctor_withdrawal set transfer_state = ?,
         transfer_package = coalesce(?, transfer_package), updated_at = now()
       where id = ? and status = 'paying'`,
      [input.state, input.package_info ?? null, input.withdrawal_id]
    )
  }

  /** The doctor withdrawal a WeChat transfer bill pays, or null (someone else's bill). */
  @InjectManager()
  async withdrawalOfTransfer(
    outBillNo: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorWithdrawalRow | null> {
    const [row] = await this.sql(context).execute<{ id: string }>(
      `select id from doctor_withdrawal
       where reference = ? and method = 'wechat' and deleted_at is null`,
      [outBillNo]
    )
    return row ? this.withdrawal(row.id, context) : null
  }

  /**
   * A transfer's final outcome: paid, or failed (no longer open, so the amount is back in
   * the balance). Only a paying withdrawal moves, so WeChat's retried callbacks and the
   * periodic check settle it once.
   */
  @InjectTransactionManager()
  async settleWechatTransfer(
    input: { withdrawal_id: string; succeeded: boolean; state: string; reason?: string | null },
    @MedusaContext() context: Context = {}
  ): Promise<{ withdrawal: DoctorWithdrawalRow; changed: boolean }> {
    const sql = this.sql(context)
    const current = await this.withdrawal(input.withdrawal_id, context)
    await lockPayee(sql, `doctor-income:${current.doctor_id}`)
    const moved = await sql.execute(
      `update doctor_withdrawal set status = ?, transfer_state = ?, transfer_package = null,
         paid_at = case when ? then now() else paid_at end, fail_reason = ?, updated_at = now()
       where id = ? and status = 'paying' returning id`,
      [
        input.succeeded ? "paid" : "failed",
        input.state,
        input.succeeded,
        input.succeeded
          ? null
          : `微信转账未完成（${input.reason ?? input.state}），金额已退回可提现余额`,
        input.withdrawal_id,
      ]
    )
    return {
      withdrawal: await this.withdrawal(input.withdrawal_id, context),
      changed: moved.length > 0,
    }
  }

  // ---- internals ---------------------------------------------------------------------

  private async totalsWith(sql: Sql, doctorId: string): Promise<DoctorIncomeTotals> {
    const [earned] = await sql.execute<Record<string, string>>(
      `select
         coalesce(sum(amount_fen - reversed_fen) filter (where status = 'available'), 0) as available,
         coalesce(sum(amount_fen - reversed_fen) filter (where status = 'pending'), 0) as pending
       from doctor_earning where doctor_id = ? and deleted_at is null`,
      [doctorId]
    )
    const [out] = await sql.execute<Record<string, string>>(
      `select coalesce(sum(amount_fen) filter (where status in ${OPEN}), 0) as requested,
         coalesce(sum(amount_fen) filter (where status = 'paid'), 0) as paid
       from doctor_withdrawal where doctor_id = ? and deleted_at is null`,
      [doctorId]
    )
    return {
      pending_fen: Number(earned.pending),
      available_fen: Number(earned.available) - Number(out.requested) - Number(out.paid),
      withdrawn_fen: Number(out.paid),
      requested_fen: Number(out.requested),
    }
  }

  private earningNumbers(row: DoctorEarningRow): DoctorEarningRow {
    return {
      ...row,
      price_fen: Number(row.price_fen),
      share_percent: row.share_percent == null ? null : Number(row.share_percent),
      amount_fen: Number(row.amount_fen),
      reversed_fen: Number(row.reversed_fen),
    }
  }

  private sql(context: Context): Sql {
    return contextSql(context, "doctor-income")
  }
}

export default DoctorIncomeModuleService
