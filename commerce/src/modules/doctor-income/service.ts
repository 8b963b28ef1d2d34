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
import { DoctorWithdrawal } from "./models/doctor-withdrawal"
import { doctorIncomeDefaults, type DoctorIncomeSettings } from "./rules/doctor-income-defaults"
import type {
  DoctorEarningReversal,
  DoctorEarningRow,
  DoctorEarningSource,
  DoctorIncomeTotals,
  DoctorWithdrawalRow,
  DoctorWithdrawalStatus,
  NewDoctorEarning,
} from "./types"

export * from "./types"

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

const EARNING_COLUMNS = `id, source_type, source_id, doctor_id, kind, price_fen, share_percent,
  amount_fen, reversed_fen, status, earned_at, release_at, available_at, created_at`
const WITHDRAWAL_COLUMNS = `id, doctor_id, amount_fen, status, reference, reject_reason,
  reviewed_by, reviewed_at, created_at`

export const DOCTOR_WITHDRAWAL_LABELS: Record<DoctorWithdrawalStatus, string> = {
  requested: "待打款",
  paid: "已打款",
  rejected: "已驳回",
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
   * balance). The partial unique index on requested withdrawals backs this up.
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
   * Finance pays (recording the transfer's reference) or rejects (the amount returns to the
   * balance) a requested withdrawal. Each moves only from 待打款, so a double click changes
   * nothing twice; paying again with the same reference answers the paid withdrawal.
   */
  @InjectTransactionManager()
  async moveWithdrawal(
    id: string,
    action:
      | { kind: "pay"; staff_id: string; reference: string }
      | { kind: "reject"; staff_id: string; reason: string },
    @MedusaContext() context: Context = {}
  ): Promise<{ withdrawal: DoctorWithdrawalRow; changed: boolean }> {
    const current = await this.withdrawal(id, context)
    if (
      action.kind === "pay" &&
      current.status === "paid" &&
      current.reference === action.reference
    ) {
      return { withdrawal: current, changed: false }
    }
    const moved = await this.sql(context).execute(
      action.kind === "pay"
        ? `update doctor_withdrawal set status = 'paid', reference = ?, reviewed_by = ?,
             reviewed_at = now(), updated_at = now()
           where id = ? and status = 'requested' and deleted_at is null returning id`
        : `update doctor_withdrawal set status = 'rejected', reject_reason = ?, reviewed_by = ?,
             reviewed_at = now(), updated_at = now()
           where id = ? and status = 'requested' and deleted_at is null returning id`,
      [action.kind === "pay" ? action.reference : action.reason, action.staff_id, id]
    )
    if (!moved.length) {
      throw conflict(
        wrongWithdrawalStateMessage(DOCTOR_WITHDRAWAL_LABELS[current.status], "待打款")
      )
    }
    return { withdrawal: await this.withdrawal(id, context), changed: true }
  }

  /** Undoes moveWithdrawal (compensation): back to requested, only from the state it set. */
  @InjectTransactionManager()
  async undoMoveWithdrawal(
    input: { id: string; from: DoctorWithdrawalStatus },
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `update doctor_withdrawal set status = 'requested', reference = null, reject_reason = null,
         reviewed_by = null, reviewed_at = null, updated_at = now()
       where id = ? and status = ?`,
      [input.id, input.from]
    )
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
      `select coalesce(sum(amount_fen) filter (where status = 'requested'), 0) as requested,
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
