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
import type { InsurerProvider } from "./insurers/insurer-provider"
import { insurerFromEnv } from "./insurers/insurer-from-env"
import { EscortCase } from "./models/escort-case"
import { EscortCaseNote } from "./models/escort-case-note"
import { EscortInsuranceClaim } from "./models/escort-insurance-claim"
import { EscortInsurancePolicy } from "./models/escort-insurance-policy"
import { GuaranteeFundEntry } from "./models/guarantee-fund-entry"
import {
  FUND_KIND_SIGN,
  type EscortCaseNoteRow,
  type EscortCaseRow,
  type EscortCaseSource,
  type EscortCaseStatus,
  type EscortInsuranceClaimRow,
  type EscortInsuranceClaimStatus,
  type EscortInsurancePolicyRow,
  type GuaranteeFundEntryRow,
  type GuaranteeFundKind,
  type NewEscortCase,
} from "./types"

export * from "./types"

const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)
const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)

const CASE_COLUMNS = `id, source, source_id, booking_id, customer_id, escort_id, summary, status,
  owner_id, outcome, compensation_fen, decided_by, decided_at, closed_at, created_at`
const NOTE_COLUMNS = `id, case_id, kind, status, body, actor_id, created_at`
const ENTRY_COLUMNS = `id, kind, amount_fen, case_id, idempotency_key, note, created_by, created_at`
const POLICY_COLUMNS = `id, booking_id, provider, policy_no, premium_fen, coverage_fen, created_at`
const CLAIM_COLUMNS = `id, case_id, policy_id, provider, claim_no, amount_fen, status, paid_fen,
  reason, created_at`

/** Statuses a case can be decided from; after a decision only closing is left. */
const UNDECIDED = `('open', 'investigating')`

type Options = { insurer?: InsurerProvider | null }

/**
 * Incidents as cases (事件与理赔), the guarantee fund ledger and the liability insurance of
 * 陪诊 bookings. Bookings, disputes and alerts live in other modules and are referred to by
 * id. State moves by conditional UPDATEs on the status it starts from, and every fund entry
 * carries a unique idempotency key, so a retry or a second click changes nothing twice.
 */
class EscortCaseModuleService extends MedusaService({
  EscortCase,
  EscortCaseNote,
  GuaranteeFundEntry,
  EscortInsurancePolicy,
  EscortInsuranceClaim,
}) {
  protected readonly insurerProvider: InsurerProvider | null

  constructor(container: Record<string, unknown>, options: Options = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.insurerProvider = options.insurer !== undefined ? options.insurer : insurerFromEnv()
  }

  /** The configured insurer, or null when bookings are not insured. */
  insurer(): InsurerProvider | null {
    return this.insurerProvider
  }

  // ---- cases -------------------------------------------------------------------------

  /** Opens the case of a source once: a second call for the same source answers the first. */
  @InjectTransactionManager()
  async openCase(
    input: NewEscortCase & { actor_id: string | null },
    @MedusaContext() context: Context = {}
  ): Promise<{ case: EscortCaseRow; created: boolean }> {
    const sql = this.sql(context)
    const id = generateEntityId("", "esccase")
    const inserted = await sql.execute<{ id: string }>(
      `insert into escort_case (id, source, source_id, booking_id, customer_id, escort_id, summary)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (source, source_id) where deleted_at is null do nothing returning id`,
      [
        id,
        input.source,
        input.source_id,
        input.booking_id,
        input.customer_id,
        input.escort_id,
        input.summary,
      ]
    )
    if (inserted.length) {
      await this.addNoteWith(sql, id, "opened", "open", input.summary, input.actor_id)
      return { case: (await this.caseRow(sql, id))!, created: true }
    }
    const [existing] = await sql.execute<EscortCaseRow>(
      `select ${CASE_COLUMNS} from escort_case
       where source = ? and source_id = ? and deleted_at is null`,
      [input.source, input.source_id]
    )
    return { case: this.caseNumbers(existing), created: false }
  }

  @InjectManager()
  async case(id: string, @MedusaContext() context: Context = {}): Promise<EscortCaseRow> {
    const row = await this.caseRow(this.sql(context), id)
    if (!row) throw notFound("未找到该事件")
    return row
  }

  @InjectManager()
  async listCasesFor(
    filters: {
      status?: EscortCaseStatus
      source?: EscortCaseSource
      owner_id?: string
      booking_id?: string
      limit?: number
      offset?: number
    },
    @MedusaContext() context: Context = {}
  ): Promise<{ cases: EscortCaseRow[]; count: number }> {
    const where: string[] = ["deleted_at is null"]
    const params: unknown[] = []
    for (const key of ["status", "source", "owner_id", "booking_id"] as const) {
      if (filters[key]) {
        where.push(`${key} = ?`)
        params.push(filters[key])
      }
    }
    const sql = this.sql(context)
    const [{ count }] = await sql.execute<{ count: string }>(
      `select count(*) as count from escort_case where ${where.join(" and ")}`,
      params
    )
    const rows = await sql.execute<EscortCaseRow>(
      `select ${CASE_COLUMNS} from escort_case where ${where.join(" and ")}
       order by created_at desc, id desc limit ? offset ?`,
      [...params, filters.limit ?? 50, filters.offset ?? 0]
    )
    return { cases: rows.map((row) => this.caseNumbers(row)), count: Number(count) }
  }

  @InjectManager()
  async casesOfBooking(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortCaseRow[]> {
    const rows = await this.sql(context).execute<EscortCaseRow>(
      `select ${CASE_COLUMNS} from escort_case where booking_id = ? and deleted_at is null
       order by created_at`,
      [bookingId]
    )
    return rows.map((row) => this.caseNumbers(row))
  }

  @InjectManager()
  async caseNotes(
    caseId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortCaseNoteRow[]> {
    return this.sql(context).execute<EscortCaseNoteRow>(
      `select ${NOTE_COLUMNS} from escort_case_note where case_id = ? and deleted_at is null
       order by created_at, id`,
      [caseId]
    )
  }

  /** Gives the case an owner; an open case is then being investigated. */
  @InjectTransactionManager()
  async assignCase(
    input: { case_id: string; owner_id: string; actor_id: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortCaseRow> {
    const sql = this.sql(context)
    const [moved] = await sql.execute<{ status: EscortCaseStatus }>(
      `update escort_case set owner_id = ?,
         status = case when status = 'open' then 'investigating' else status end,
         updated_at = now()
       where id = ? and status in ${UNDECIDED} and deleted_at is null returning status`,
      [input.owner_id, input.case_id]
    )
    if (!moved) throw conflict(await this.whyNotUndecided(sql, input.case_id))
    await this.addNoteWith(
      sql,
      input.case_id,
      "assigned",
      moved.status,
      input.owner_id,
      input.actor_id
    )
    return (await this.caseRow(sql, input.case_id))!
  }

  /** A staff note on the timeline (any status, closed included: notes only add). */
  @InjectTransactionManager()
  async noteCase(
    input: { case_id: string; body: string; actor_id: string | null; kind?: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortCaseNoteRow> {
    const sql = this.sql(context)
    const row = await this.caseRow(sql, input.case_id)
    if (!row) throw notFound("未找到该事件")
    return this.addNoteWith(
      sql,
      input.case_id,
      input.kind ?? "note",
      row.status,
      input.body,
      input.actor_id
    )
  }

  /**
   * Decides an undecided case, once: of two decisions at once the second finds the status
   * moved and is a 409. Answers the status it had, so a failed payment can put it back.
   */
  @InjectTransactionManager()
  async decideCase(
    input: {
      case_id: string
      outcome: "upheld" | "dismissed"
      compensation_fen: number | null
      note: string
      actor_id: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<{ case: EscortCaseRow; previous: EscortCaseStatus }> {
    const sql = this.sql(context)
    const [before] = await sql.execute<{ status: EscortCaseStatus }>(
      `select status from escort_case where id = ? and deleted_at is null for update`,
      [input.case_id]
    )
    if (!before) throw notFound("未找到该事件")
    const [moved] = await sql.execute<{ id: string }>(
      `update escort_case set status = ?, outcome = ?, compensation_fen = ?, decided_by = ?,
         decided_at = now(), updated_at = now()
       where id = ? and status in ${UNDECIDED} and deleted_at is null returning id`,
      [input.outcome, input.note, input.compensation_fen, input.actor_id, input.case_id]
    )
    if (!moved) throw conflict(await this.whyNotUndecided(sql, input.case_id))
    await this.addNoteWith(
      sql,
      input.case_id,
      input.outcome,
      input.outcome,
      input.note,
      input.actor_id
    )
    return { case: (await this.caseRow(sql, input.case_id))!, previous: before.status }
  }

  /** Undoes a decision whose payment failed (the workflow's compensation). */
  @InjectTransactionManager()
  async undoDecision(
    input: { case_id: string; previous: EscortCaseStatus; reason: string },
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    const sql = this.sql(context)
    await sql.execute(
      `update escort_case set status = ?, outcome = null, compensation_fen = null,
         decided_by = null, decided_at = null, updated_at = now()
       where id = ? and status in ('upheld', 'dismissed')`,
      [input.previous, input.case_id]
    )
    await this.addNoteWith(sql, input.case_id, "undone", input.previous, input.reason, null)
  }

  @InjectTransactionManager()
  async closeCase(
    input: { case_id: string; note: string | null; actor_id: string },
    @MedusaContext() context: Context = {}
  ): Promise<EscortCaseRow> {
    const sql = this.sql(context)
    const [moved] = await sql.execute<{ id: string }>(
      `update escort_case set status = 'closed', closed_at = now(), updated_at = now()
       where id = ? and status in ('upheld', 'dismissed') and deleted_at is null returning id`,
      [input.case_id]
    )
    if (!moved) {
      const row = await this.caseRow(sql, input.case_id)
      if (!row) throw notFound("未找到该事件")
      throw conflict(row.status === "closed" ? "该事件已结案" : "请先认定（成立或不成立）再结案")
    }
    await this.addNoteWith(
      sql,
      input.case_id,
      "closed",
      "closed",
      input.note ?? "结案",
      input.actor_id
    )
    return (await this.caseRow(sql, input.case_id))!
  }

  // ---- guarantee fund ----------------------------------------------------------------

  /**
   * Appends a fund entry, once per idempotency key: a repeat answers the entry already
   * written (`created: false`) and moves nothing. `amount_fen` is positive; the sign is
   * the kind's (compensation is money out).
   */
  @InjectTransactionManager()
  async recordFundEntry(
    input: {
      kind: GuaranteeFundKind
      amount_fen: number
      idempotency_key: string
      case_id?: string | null
      note: string
      created_by?: string | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<{ entry: GuaranteeFundEntryRow; created: boolean }> {
    if (!Number.isSafeInteger(input.amount_fen) || input.amount_fen <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "金额须为正整数（分）")
    }
    const sql = this.sql(context)
    const inserted = await sql.execute<GuaranteeFundEntryRow>(
      `insert into guarantee_fund_entry (id, kind, amount_fen, case_id, idempotency_key, note, created_by)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (idempotency_key) do nothing returning ${ENTRY_COLUMNS}`,
      [
        generateEntityId("", "gfent"),
        input.kind,
        FUND_KIND_SIGN[input.kind] * input.amount_fen,
        input.case_id ?? null,
        input.idempotency_key,
        input.note,
        input.created_by ?? null,
      ]
    )
    if (inserted.length) return { entry: this.entryNumbers(inserted[0]), created: true }
    const [existing] = await sql.execute<GuaranteeFundEntryRow>(
      `select ${ENTRY_COLUMNS} from guarantee_fund_entry where idempotency_key = ?`,
      [input.idempotency_key]
    )
    return { entry: this.entryNumbers(existing), created: false }
  }

  /** The balance and what made it, per kind (fen; compensation negative). */
  @InjectManager()
  async fundSummary(@MedusaContext() context: Context = {}) {
    const rows = await this.sql(context).execute<{ kind: GuaranteeFundKind; total: string }>(
      `select kind, coalesce(sum(amount_fen), 0) as total from guarantee_fund_entry group by kind`
    )
    const by_kind: Record<GuaranteeFundKind, number> = {
      fund_in: 0,
      compensation_paid: 0,
      recovery_from_escort: 0,
      recovery_from_insurer: 0,
    }
    for (const row of rows) by_kind[row.kind] = Number(row.total)
    const balance_fen = Object.values(by_kind).reduce((sum, fen) => sum + fen, 0)
    return { balance_fen, by_kind }
  }

  @InjectManager()
  async fundEntries(
    filters: { case_id?: string; kind?: GuaranteeFundKind; limit?: number; offset?: number },
    @MedusaContext() context: Context = {}
  ): Promise<{ entries: GuaranteeFundEntryRow[]; count: number }> {
    const where: string[] = ["true"]
    const params: unknown[] = []
    for (const key of ["case_id", "kind"] as const) {
      if (filters[key]) {
        where.push(`${key} = ?`)
        params.push(filters[key])
      }
    }
    const sql = this.sql(context)
    const [{ count }] = await sql.execute<{ count: string }>(
      `select count(*) as count from guarantee_fund_entry where ${where.join(" and ")}`,
      params
    )
    const rows = await sql.execute<GuaranteeFundEntryRow>(
      `select ${ENTRY_COLUMNS} from guarantee_fund_entry where ${where.join(" and ")}
       order by created_at desc, id desc limit ? offset ?`,
      [...params, filters.limit ?? 100, filters.offset ?? 0]
    )
    return { entries: rows.map((row) => this.entryNumbers(row)), count: Number(count) }
  }

  // ---- insurance ---------------------------------------------------------------------

  /** Keeps the policy issued for a booking; the first kept wins (a retry keeps none). */
  @InjectTransactionManager()
  async keepPolicy(
    input: Omit<EscortInsurancePolicyRow, "id" | "created_at">,
    @MedusaContext() context: Context = {}
  ): Promise<EscortInsurancePolicyRow> {
    const sql = this.sql(context)
    await sql.execute(
      `insert into escort_insurance_policy (id, booking_id, provider, policy_no, premium_fen, coverage_fen)
       values (?, ?, ?, ?, ?, ?) on conflict (booking_id) where deleted_at is null do nothing`,
      [
        generateEntityId("", "escpol"),
        input.booking_id,
        input.provider,
        input.policy_no,
        input.premium_fen,
        input.coverage_fen,
      ]
    )
    return (await this.policyOfBooking(input.booking_id, context))!
  }

  @InjectManager()
  async policyOfBooking(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortInsurancePolicyRow | null> {
    const [row] = await this.sql(context).execute<EscortInsurancePolicyRow>(
      `select ${POLICY_COLUMNS} from escort_insurance_policy
       where booking_id = ? and deleted_at is null`,
      [bookingId]
    )
    return row
      ? { ...row, premium_fen: Number(row.premium_fen), coverage_fen: Number(row.coverage_fen) }
      : null
  }

  @InjectTransactionManager()
  async keepClaim(
    input: Omit<EscortInsuranceClaimRow, "id" | "created_at" | "paid_fen" | "reason">,
    @MedusaContext() context: Context = {}
  ): Promise<EscortInsuranceClaimRow> {
    const sql = this.sql(context)
    await sql.execute(
      `insert into escort_insurance_claim (id, case_id, policy_id, provider, claim_no, amount_fen, status)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id) where deleted_at is null do nothing`,
      [
        generateEntityId("", "esccl"),
        input.case_id,
        input.policy_id,
        input.provider,
        input.claim_no,
        input.amount_fen,
        input.status,
      ]
    )
    return (await this.claimOfCase(input.case_id, context))!
  }

  @InjectManager()
  async claimOfCase(
    caseId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortInsuranceClaimRow | null> {
    const [row] = await this.sql(context).execute<EscortInsuranceClaimRow>(
      `select ${CLAIM_COLUMNS} from escort_insurance_claim where case_id = ? and deleted_at is null`,
      [caseId]
    )
    return row ? this.claimNumbers(row) : null
  }

  /**
   * Applies the insurer's word on a claim. A claim moves forward only (filed → approved →
   * paid, or → rejected); a repeated or stale callback changes nothing (`changed: false`).
   */
  @InjectTransactionManager()
  async moveClaim(
    input: {
      provider: string
      claim_no: string
      status: Exclude<EscortInsuranceClaimStatus, "filed">
      paid_fen: number | null
      reason: string | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<{ claim: EscortInsuranceClaimRow; changed: boolean } | null> {
    const sql = this.sql(context)
    const from: Record<typeof input.status, string> = {
      approved: `('filed')`,
      rejected: `('filed', 'approved')`,
      paid: `('filed', 'approved')`,
    }
    const moved = await sql.execute<{ id: string }>(
      `update escort_insurance_claim set status = ?, paid_fen = ?, reason = ?, updated_at = now()
       where provider = ? and claim_no = ? and status in ${from[input.status]}
         and deleted_at is null returning id`,
      [
        input.status,
        input.status === "paid" ? input.paid_fen : null,
        input.reason,
        input.provider,
        input.claim_no,
      ]
    )
    const [row] = await sql.execute<EscortInsuranceClaimRow>(
      `select ${CLAIM_COLUMNS} from escort_insurance_claim
       where provider = ? and claim_no = ? and deleted_at is null`,
      [input.provider, input.claim_no]
    )
    return row ? { claim: this.claimNumbers(row), changed: moved.length > 0 } : null
  }

  // ---- internals ---------------------------------------------------------------------

  private async addNoteWith(
    sql: Sql,
    caseId: string,
    kind: string,
    status: EscortCaseStatus,
    body: string,
    actorId: string | null
  ): Promise<EscortCaseNoteRow> {
    const [row] = await sql.execute<EscortCaseNoteRow>(
      `insert into escort_case_note (id, case_id, kind, status, body, actor_id)
       values (?, ?, ?, ?, ?, ?) returning ${NOTE_COLUMNS}`,
      [generateEntityId("", "esccnote"), caseId, kind, status, body, actorId]
    )
    return row
  }

  private async whyNotUndecided(sql: Sql, caseId: string): Promise<string> {
    const row = await this.caseRow(sql, caseId)
    if (!row) throw notFound("未找到该事件")
    return row.status === "closed" ? "该事件已结案" : "该事件已认定，不能重复处理"
  }

  private async caseRow(sql: Sql, id: string): Promise<EscortCaseRow | null> {
    const [row] = await sql.execute<EscortCaseRow>(
      `select ${CASE_COLUMNS} from escort_case where id = ? and deleted_at is null`,
      [id]
    )
    return row ? this.caseNumbers(row) : null
  }

  private caseNumbers(row: EscortCaseRow): EscortCaseRow {
    return {
      ...row,
      compensation_fen: row.compensation_fen == null ? null : Number(row.compensation_fen),
    }
  }

  private entryNumbers(row: GuaranteeFundEntryRow): GuaranteeFundEntryRow {
    return { ...row, amount_fen: Number(row.amount_fen) }
  }

  private claimNumbers(row: EscortInsuranceClaimRow): EscortInsuranceClaimRow {
    return {
      ...row,
      amount_fen: Number(row.amount_fen),
      paid_fen: row.paid_fen == null ? null : Number(row.paid_fen),
    }
  }

  private sql(context: Context): Sql {
    return contextSql(context, "escort-case")
  }
}

export default EscortCaseModuleService
