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
  liveWhere,
  lockPayee,
  pageOfRows,
  releaseDueEarnings,
  withdrawalNumbers,
  wrongWithdrawalStateMessage,
} from "../../lib/income/income-sql"
import { EscortDispute } from "./models/escort-dispute"
import { EscortEarning } from "./models/escort-earning"
import { EscortIncomeSetting } from "./models/escort-income-setting"
import { EscortPayoutAccount } from "./models/escort-payout-account"
import { EscortRating } from "./models/escort-rating"
import { EscortWithdrawal } from "./models/escort-withdrawal"
import { earningAfterRefund } from "./rules/escort-earning-share"
import { escortIncomeDefaults, type EscortIncomeSettings } from "./rules/escort-income-defaults"
import type {
  EscortDisputeRow,
  EscortEarningRow,
  EscortEarningStatus,
  EscortIncomeTotals,
  EscortPayoutAccountRow,
  EscortWithdrawalRow,
  EscortWithdrawalStatus,
  NewEscortEarning,
} from "./types"

export * from "./types"

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

const EARNING_COLUMNS = `id, booking_id, escort_id, service_name, service_date, price_fen, level,
  share_percent, amount_fen, reversed_fen, status, release_at, available_at, created_at`
const DISPUTE_COLUMNS = `id, booking_id, earning_id, escort_id, customer_id, reason, status,
  outcome, refund_fen, resolution_note, resolved_by, resolved_at, created_at`
const WITHDRAWAL_COLUMNS = `id, escort_id, amount_fen, status, method, reference, transfer_state,
  transfer_package, fail_reason, reject_reason, reviewed_by, reviewed_at, paid_by, paid_at,
  created_at`

/** Withdrawals that hold money out of the balance (a rejected or failed one gave it back). */
const HOLDING = `('requested', 'approved', 'paying', 'paid')`

/**
 * 陪诊 income: earnings per booking, disputes, ratings, withdrawals and the settlement
 * settings. Escorts and bookings live in the escort module and are referred to by id.
 * Money moves by conditional UPDATEs on the state they start from, and a withdrawal takes
 * the escort's advisory lock, so retries and concurrent requests move it once.
 */
class EscortIncomeModuleService extends MedusaService({
  EscortEarning,
  EscortDispute,
  EscortRating,
  EscortWithdrawal,
  EscortIncomeSetting,
  EscortPayoutAccount,
}) {
  // ---- settings ----------------------------------------------------------------------

  @InjectManager()
  async settings(@MedusaContext() context: Context = {}): Promise<EscortIncomeSettings> {
    const [row] = await this.sql(context).execute<EscortIncomeSettings>(
      `select share_percent, level_rules, release_hours from escort_income_setting
       where key = 'default' and deleted_at is null`
    )
    return row ? { ...row, release_hours: Number(row.release_hours) } : escortIncomeDefaults()
  }

  @InjectTransactionManager()
  async saveSettings(
    settings: EscortIncomeSettings,
    @MedusaContext() context: Context = {}
  ): Promise<EscortIncomeSettings> {
    await this.sql(context).execute(
      `insert into escort_income_setting (id, key, share_percent, level_rules, release_hours)
       values (?, 'default', ?::jsonb, ?::jsonb, ?)
       on conflict (key) where deleted_at is null do update set
         share_percent = excluded.share_percent, level_rules = excluded.level_rules,
         release_hours = excluded.release_hours, updated_at = now()`,
      [
        generateEntityId("", "escis"),
        JSON.stringify(settings.share_percent),
        JSON.stringify(settings.level_rules),
        settings.release_hours,
      ]
    )
    return this.settings(context)
  }

  // ---- earnings ----------------------------------------------------------------------

  /**
   * The booking's earning, created on the first call only (the unique booking id decides
   * between concurrent callers: a replayed completion event finds the first one's row).
   */
  @InjectTransactionManager()
  async recordEarning(
    input: NewEscortEarning,
    @MedusaContext() context: Context = {}
  ): Promise<{ created: boolean; earning: EscortEarningRow }> {
    const inserted = await this.sql(context).execute(
      `insert into escort_earning (id, booking_id, escort_id, service_name, service_date,
         price_fen, level, share_percent, amount_fen, status, release_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)
       on conflict (booking_id) where deleted_at is null do nothing
       returning id`,
      [
        generateEntityId("", "escern"),
        input.booking_id,
        input.escort_id,
        input.service_name,
        input.service_date,
        input.price_fen,
        input.level,
        input.share_percent,
        input.amount_fen,
        input.release_at,
      ]
    )
    const earning = await this.earningOfBooking(input.booking_id, context)
    return { created: inserted.length > 0, earning: earning! }
  }

  @InjectManager()
  async earningOfBooking(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortEarningRow | null> {
    const [row] = await this.sql(context).execute<EscortEarningRow>(
      `select ${EARNING_COLUMNS} from escort_earning where booking_id = ? and deleted_at is null`,
      [bookingId]
    )
    return row ? this.earningNumbers(row) : null
  }

  /** The member confirmed: pending → available now (a frozen or released one stays). */
  @InjectTransactionManager()
  async releaseEarning(
    bookingId: string,
    at: Date,
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const moved = await this.sql(context).execute(
      `update escort_earning set status = 'available', available_at = ?, updated_at = now()
       where booking_id = ? and status = 'pending' and deleted_at is null returning id`,
      [at, bookingId]
    )
    return moved.length > 0
  }

  /** Pending earnings whose release time has passed by `now` become available; their ids. */
  @InjectTransactionManager()
  async releaseDue(now: Date, @MedusaContext() context: Context = {}): Promise<string[]> {
    return releaseDueEarnings(this.sql(context), "escort_earning", now)
  }

  @InjectManager()
  async escortEarnings(
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortEarningRow[]> {
    const rows = await this.sql(context).execute<EscortEarningRow>(
      `select ${EARNING_COLUMNS} from escort_earning where escort_id = ? and deleted_at is null
       order by created_at desc, id desc limit 200`,
      [escortId]
    )
    return rows.map((row) => this.earningNumbers(row))
  }

  @InjectManager()
  async listEarningsFor(
    filters: { status?: EscortEarningStatus; escort_id?: string },
    page: { limit: number; offset: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ earnings: EscortEarningRow[]; count: number }> {
    const { rows, count } = await pageOfRows<EscortEarningRow>(this.sql(context), {
      table: "escort_earning",
      columns: EARNING_COLUMNS,
      filters: [
        ["status", filters.status],
        ["escort_id", filters.escort_id],
      ],
      page,
    })
    return { earnings: rows.map((row) => this.earningNumbers(row)), count }
  }

  /** Balance, pending, frozen and withdrawn amounts of one escort, in fen. */
  @InjectManager()
  async totals(
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortIncomeTotals> {
    return this.totalsWith(this.sql(context), escortId)
  }

  // ---- ratings -----------------------------------------------------------------------

  /** The confirmation's rating, once per booking (a repeated confirm keeps the first). */
  @InjectTransactionManager()
  async recordRating(
    input: {
      booking_id: string
      escort_id: string
      customer_id: string
      rating: number
      tags: string[]
    },
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `insert into escort_rating (id, booking_id, escort_id, customer_id, rating, tags)
       values (?, ?, ?, ?, ?, ?::jsonb)
       on conflict (booking_id) where deleted_at is null do nothing`,
      [
        generateEntityId("", "escrt"),
        input.booking_id,
        input.escort_id,
        input.customer_id,
        input.rating,
        JSON.stringify(input.tags),
      ]
    )
  }

  @InjectManager()
  async ratingStats(
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ average: number | null; count: number }> {
    const [row] = await this.sql(context).execute<{ average: string | null; count: string }>(
      `select avg(rating) as average, count(*) as count from escort_rating
       where escort_id = ? and deleted_at is null`,
      [escortId]
    )
    const count = Number(row.count)
    return {
      average: count ? Math.round(Number(row.average) * 100) / 100 : null,
      count,
    }
  }

  // ---- disputes ----------------------------------------------------------------------

  /** A member disputes a service whose income is still pending: the earning freezes, once. */
  @InjectTransactionManager()
  async openDispute(
    input: { booking_id: string; customer_id: string; reason: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortDisputeRow> {
    const sql = this.sql(context)
    const existing = await this.disputeOfBooking(input.booking_id, context)
    if (existing) throw conflict("该订单已提交过申诉，请等待平台处理")
    const [earning] = await sql.execute<{ id: string; escort_id: string }>(
      `update escort_earning set status = 'frozen', updated_at = now()
       where booking_id = ? and status = 'pending' and deleted_at is null
       returning id, escort_id`,
      [input.booking_id]
    )
    if (!earning) throw conflict("服务已确认或已超过申诉期限，不能再申诉")
    const id = generateEntityId("", "escdsp")
    await sql.execute(
      `insert into escort_dispute (id, booking_id, earning_id, escort_id, customer_id, reason)
       values (?, ?, ?, ?, ?, ?)`,
      [id, input.booking_id, earning.id, earning.escort_id, input.customer_id, input.reason]
    )
    return (await this.disputeRow(id, context))!
  }

  @InjectManager()
  async disputeOfBooking(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortDisputeRow | null> {
    const [row] = await this.sql(context).execute<EscortDisputeRow>(
      `select ${DISPUTE_COLUMNS} from escort_dispute where booking_id = ? and deleted_at is null`,
      [bookingId]
    )
    return row ? this.disputeNumbers(row) : null
  }

  @InjectManager()
  async dispute(id: string, @MedusaContext() context: Context = {}): Promise<EscortDisputeRow> {
    const row = await this.disputeRow(id, context)
    if (!row) throw notFound("未找到该申诉")
    return row
  }

  @InjectManager()
  async listDisputesFor(
    status: "open" | "resolved" | undefined,
    @MedusaContext() context: Context = {}
  ): Promise<EscortDisputeRow[]> {
    const rows = await this.sql(context).execute<EscortDisputeRow>(
      `select ${DISPUTE_COLUMNS} from escort_dispute
       where deleted_at is null ${status ? "and status = ?" : ""}
       order by created_at desc, id desc limit 200`,
      status ? [status] : []
    )
    return rows.map((row) => this.disputeNumbers(row))
  }

  /**
   * Operations settle an open dispute: `release` makes the frozen earning available;
   * `refund` (the member got `refund_fen` back) reverses the earning down to the share of
   * what the platform kept. Only an open dispute moves: a second resolve is a 409.
   */
  @InjectTransactionManager()
  async resolveDispute(
    input: {
      dispute_id: string
      outcome: "release" | "refund"
      refund_fen: number
      note: string | null
      staff_id: string
      at: Date
    },
    @MedusaContext() context: Context = {}
  ): Promise<EscortDisputeRow> {
    const sql = this.sql(context)
    const [dispute] = await sql.execute<{ earning_id: string }>(
      `update escort_dispute set status = 'resolved', outcome = ?, refund_fen = ?,
         resolution_note = ?, resolved_by = ?, resolved_at = ?, updated_at = now()
       where id = ? and status = 'open' and deleted_at is null returning earning_id`,
      [
        input.outcome,
        input.outcome === "refund" ? input.refund_fen : null,
        input.note,
        input.staff_id,
        input.at,
        input.dispute_id,
      ]
    )
    if (!dispute) throw conflict("该申诉已处理，不能重复处理")
    const [earning] = await sql.execute<EscortEarningRow>(
      `select ${EARNING_COLUMNS} from escort_earning where id = ? for update`,
      [dispute.earning_id]
    )
    const row = this.earningNumbers(earning)
    const kept =
      input.outcome === "refund" ? earningAfterRefund(row, input.refund_fen) : row.amount_fen
    await sql.execute(
      `update escort_earning set status = ?, reversed_fen = ?, available_at = ?,
         updated_at = now()
       where id = ? and status = 'frozen'`,
      [
        kept > 0 ? "available" : "reversed",
        row.amount_fen - kept,
        kept > 0 ? input.at : null,
        row.id,
      ]
    )
    return (await this.disputeRow(input.dispute_id, context))!
  }

  // ---- withdrawals -------------------------------------------------------------------

  /**
   * Moves `amountFen` of the escort's available balance into a withdrawal. The escort's
   * advisory lock serialises their requests, so two at once for the whole balance cannot
   * both read it as free: the second sees the first's withdrawal and is refused.
   */
  @InjectTransactionManager()
  async requestWithdrawal(
    escortId: string,
    amountFen: number,
    @MedusaContext() context: Context = {}
  ): Promise<EscortWithdrawalRow> {
    const sql = this.sql(context)
    await lockPayee(sql, `escort-income:${escortId}`)
    const { balance_fen } = await this.totalsWith(sql, escortId)
    if (amountFen > balance_fen) {
      throw conflict(insufficientBalanceMessage(balance_fen, amountFen))
    }
    const id = generateEntityId("", "escwd")
    await sql.execute(
      `insert into escort_withdrawal (id, escort_id, amount_fen, status)
       values (?, ?, ?, 'requested')`,
      [id, escortId, amountFen]
    )
    return this.withdrawal(id, context)
  }

  @InjectManager()
  async withdrawal(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortWithdrawalRow> {
    const [row] = await this.sql(context).execute<EscortWithdrawalRow>(
      `select ${WITHDRAWAL_COLUMNS} from escort_withdrawal where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw notFound("未找到该提现申请")
    return withdrawalNumbers(row)
  }

  @InjectManager()
  async listWithdrawalsFor(
    filters: { escort_id?: string; status?: EscortWithdrawalStatus },
    @MedusaContext() context: Context = {}
  ): Promise<EscortWithdrawalRow[]> {
    const { where, params } = liveWhere([
      ["escort_id", filters.escort_id],
      ["status", filters.status],
    ])
    const rows = await this.sql(context).execute<EscortWithdrawalRow>(
      `select ${WITHDRAWAL_COLUMNS} from escort_withdrawal where ${where}
       order by created_at desc, id desc limit 200`,
      params
    )
    return rows.map(withdrawalNumbers)
  }

  /**
   * Finance reviews or pays a withdrawal, from the state the action starts from. Paying
   * again with the same reference answers the paid withdrawal (a retried request).
   */
  @InjectTransactionManager()
  async moveWithdrawal(
    id: string,
    action:
      | { kind: "approve"; staff_id: string }
      | { kind: "reject"; staff_id: string; reason: string }
      | { kind: "pay"; staff_id: string; reference: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortWithdrawalRow> {
    const current = await this.withdrawal(id, context)
    const sql = this.sql(context)
    let moved: unknown[]
    if (action.kind === "approve") {
      moved = await sql.execute(
        `update escort_withdrawal set status = 'approved', reviewed_by = ?, reviewed_at = now(),
           updated_at = now()
         where id = ? and status = 'requested' returning id`,
        [action.staff_id, id]
      )
    } else if (action.kind === "reject") {
      moved = await sql.execute(
        `update escort_withdrawal set status = 'rejected', reject_reason = ?, reviewed_by = ?,
           reviewed_at = now(), updated_at = now()
         where id = ? and status in ('requested', 'approved') returning id`,
        [action.reason, action.staff_id, id]
      )
    } else {
      if (
        current.status === "paid" &&
        current.method === "bank" &&
        current.reference === action.reference
      ) {
        return current
      }
      moved = await sql.execute(
        `update escort_withdrawal set status = 'paid', method = 'bank', reference = ?,
           paid_by = ?, paid_at = now(), updated_at = now()
         where id = ? and status = 'approved' returning id`,
        [action.reference, action.staff_id, id]
      )
    }
    if (!moved.length) {
      const needs = { approve: "待审核", reject: "待审核或已审核", pay: "已审核" }[action.kind]
      throw conflict(wrongWithdrawalStateMessage(WITHDRAWAL_LABELS[current.status], needs))
    }
    return this.withdrawal(id, context)
  }

  // ---- WeChat payout account -----------------------------------------------------------

  @InjectManager()
  async payoutAccount(
    escortId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortPayoutAccountRow | null> {
    const [row] = await this.sql(context).execute<EscortPayoutAccountRow>(
      `select escort_id, wechat_openid, wechat_unionid, bound_at from escort_payout_account
       where escort_id = ? and deleted_at is null`,
      [escortId]
    )
    return row ?? null
  }

  /**
   * Binds (or rebinds) the WeChat account the escort's withdrawals are transferred to. An
   * openid already bound to another escort is refused: one WeChat, one escort's money.
   */
  @InjectTransactionManager()
  async bindWechat(
    input: { escort_id: string; openid: string; unionid: string | null; at: Date },
    @MedusaContext() context: Context = {}
  ): Promise<EscortPayoutAccountRow> {
    const sql = this.sql(context)
    await sql.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
      `escort-wechat:${input.openid}`,
    ])
    const [other] = await sql.execute<{ escort_id: string }>(
      `select escort_id from escort_payout_account
       where wechat_openid = ? and escort_id <> ? and deleted_at is null`,
      [input.openid, input.escort_id]
    )
    if (other) throw conflict("该微信已绑定其他陪诊员账号，请用本人微信绑定")
    await sql.execute(
      `insert into escort_payout_account (id, escort_id, wechat_openid, wechat_unionid, bound_at)
       values (?, ?, ?, ?, ?)
       on conflict (escort_id) where deleted_at is null do update set
         wechat_openid = excluded.wechat_openid, wechat_unionid = excluded.wechat_unionid,
         bound_at = excluded.bound_at, updated_at = now()`,
      [generateEntityId("", "escpa"), input.escort_id, input.openid, input.unionid, input.at]
    )
    return (await this.payoutAccount(input.escort_id, context))!
  }

  // ---- WeChat transfers of withdrawals ---------------------------------------------------

  /**
   * Finance pays an approved withdrawal by WeChat 商家转账: approved → paying with the
   * bill's number as reference, under the escort's lock (the one requests take), so a
   * double click starts one transfer and the second is a 409.
   */
  @InjectTransactionManager()
  async startWechatTransfer(
    input: { withdrawal_id: string; staff_id: string; out_bill_no: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortWithdrawalRow> {
    const sql = this.sql(context)
    const current = await this.withdrawal(input.withdrawal_id, context)
    await lockPayee(sql, `escort-income:${current.escort_id}`)
    const moved = await sql.execute(
      `update escort_withdrawal set status = 'paying', method = 'wechat', reference = ?,
         transfer_state = null, transfer_package = null, fail_reason = null, paid_by = ?,
         updated_at = now()
       where id = ? and status = 'approved' and deleted_at is null returning id`,
      [input.out_bill_no, input.staff_id, input.withdrawal_id]
    )
    if (!moved.length) {
      const now = await this.withdrawal(input.withdrawal_id, context)
      throw conflict(
        `该提现申请当前为「${WITHDRAWAL_LABELS[now.status]}」，只有已审核的申请可以发起微信转账`
      )
    }
    return this.withdrawal(input.withdrawal_id, context)
  }

  /** Undoes startWechatTransfer when WeChat refused to create the bill: back to approved. */
  @InjectTransactionManager()
  async abandonWechatTransfer(withdrawalId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update escort_withdrawal set status = 'approved', method = null, reference = null,
         transfer_state = null, transfer_package = null, paid_by = null, updated_at = now()
       where id = ? and status = 'paying'`,
      [withdrawalId]
    )
  }

  /** Keeps the bill's state and the escort's confirmation package while it is paying. */
  @InjectTransactionManager()
  async recordWechatTransferState(
    input: { withdrawal_id: string; state: string; package_info?: string | null },
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `update escort_withdrawal set transfer_state = ?,
         transfer_package = coalesce(?, transfer_package), updated_at = now()
       where id = ? and status = 'paying'`,
      [input.state, input.package_info ?? null, input.withdrawal_id]
    )
  }

  /** The escort withdrawal a WeChat transfer bill pays, or null (an affiliate's, say). */
  @InjectManager()
  async withdrawalOfTransfer(
    outBillNo: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortWithdrawalRow | null> {
    const [row] = await this.sql(context).execute<{ id: string }>(
      `select id from escort_withdrawal
       where reference = ? and method = 'wechat' and deleted_at is null`,
      [outBillNo]
    )
    return row ? this.withdrawal(row.id, context) : null
  }

  /**
   * A transfer's final outcome: paid, or failed (no longer held, so the amount is back in
   * the balance). Only a paying withdrawal moves, so WeChat's retried callbacks and the
   * periodic check settle it once.
   */
  @InjectTransactionManager()
  async settleWechatTransfer(
    input: { withdrawal_id: string; succeeded: boolean; state: string; reason?: string | null },
    @MedusaContext() context: Context = {}
  ): Promise<{ withdrawal: EscortWithdrawalRow; changed: boolean }> {
    const sql = this.sql(context)
    const current = await this.withdrawal(input.withdrawal_id, context)
    await lockPayee(sql, `escort-income:${current.escort_id}`)
    const moved = await sql.execute(
      `update escort_withdrawal set status = ?, transfer_state = ?, transfer_package = null,
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

  private async totalsWith(sql: Sql, escortId: string): Promise<EscortIncomeTotals> {
    const [earned] = await sql.execute<Record<string, string>>(
      `select
         coalesce(sum(amount_fen - reversed_fen) filter (where status = 'available'), 0) as available,
         coalesce(sum(amount_fen) filter (where status = 'pending'), 0) as pending,
         coalesce(sum(amount_fen) filter (where status = 'frozen'), 0) as frozen
       from escort_earning where escort_id = ? and deleted_at is null`,
      [escortId]
    )
    const [out] = await sql.execute<Record<string, string>>(
      `select coalesce(sum(amount_fen) filter (where status in ${HOLDING}), 0) as held,
         coalesce(sum(amount_fen) filter (where status = 'paid'), 0) as paid
       from escort_withdrawal where escort_id = ? and deleted_at is null`,
      [escortId]
    )
    return {
      balance_fen: Number(earned.available) - Number(out.held),
      pending_fen: Number(earned.pending),
      frozen_fen: Number(earned.frozen),
      withdrawn_fen: Number(out.paid),
    }
  }

  private async disputeRow(id: string, context: Context) {
    const [row] = await this.sql(context).execute<EscortDisputeRow>(
      `select ${DISPUTE_COLUMNS} from escort_dispute where id = ? and deleted_at is null`,
      [id]
    )
    return row ? this.disputeNumbers(row) : null
  }

  private earningNumbers(row: EscortEarningRow): EscortEarningRow {
    return {
      ...row,
      price_fen: Number(row.price_fen),
      share_percent: Number(row.share_percent),
      amount_fen: Number(row.amount_fen),
      reversed_fen: Number(row.reversed_fen),
    }
  }

  private disputeNumbers(row: EscortDisputeRow): EscortDisputeRow {
    return { ...row, refund_fen: row.refund_fen == null ? null : Number(row.refund_fen) }
  }

  private sql(context: Context): Sql {
    return contextSql(context, "escort-income")
  }
}

export const WITHDRAWAL_LABELS: Record<EscortWithdrawalStatus, string> = {
  requested: "待审核",
  approved: "已审核，待打款",
  paying: "微信转账中，待确认收款",
  paid: "已打款",
  rejected: "已驳回",
  failed: "微信转账未完成，已退回余额",
}

export default EscortIncomeModuleService
