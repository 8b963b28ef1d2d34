import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import { maskCnIdNumber } from "../escort/rules/cn-id-number"
import {
  KIT_STATUS_LABELS,
  KIT_TRANSITIONS,
  kitTransitionRefusal,
  type KitAction,
  type KitStatus,
} from "../../lib/kits/kit-status"
import { ArchiveAccess } from "./models/archive-access"
import { Consent } from "./models/consent"
import { Kit } from "./models/kit"
import { KitEvent } from "./models/kit-event"
import { LabReport } from "./models/lab-report"
import { LabReportFinding } from "./models/lab-report-finding"
import { MemberUpload } from "./models/member-upload"
import { ReportBatch } from "./models/report-batch"
import { ReportBatchFile } from "./models/report-batch-file"
import { TestSubject } from "./models/test-subject"
import type {
  ActorType,
  ConsentKind,
  ConsentView,
  KitRow,
  KitView,
  NewKitLine,
  PersonDetails,
  PersonView,
  Relation,
  ReportFinding,
  ReportFindings,
  ReportSummary,
  ReportView,
  UploadView,
} from "./types"
import { CONSENT_KIND_LABELS, RELATION_LABELS, REPORT_FINDING_RISK_LABELS } from "./types"
import { ESCORT_CONSENT_KINDS, type EscortConsentAcceptance } from "./escort-consent-kinds"
import {
  planReportFiles,
  type ExistingReport,
  type KitForReport,
  type StagedReportRow,
} from "./plan-report-files"

export * from "./types"

/** One file's result of recording a bulk upload, as the progress view shows it. */
export type RecordedReportFile = {
  id: string
  status: "done" | "failed"
  error_code: string | null
  barcode: string
  kit_id: string | null
  report_id: string | null
  /** The kit's 报告已出 timeline entry when this file moved it there. */
  kit_event_id: string | null
}

const placeholders = (count: number, width: number) =>
  Array.from({ length: count }, () => `(${Array(width).fill("?").join(", ")})`).join(", ")

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

type Actor = { actor_type: ActorType; actor_id?: string | null }

/**
 * The member's health archive: kits and their timelines, tested people, consents,
 * lab reports, uploads and the access log (constitution results are the constitution
 * module's). Personal and health data is sealed with the FieldCipher before it reaches
 * a table; files are sealed by the caller (see lib/health-files) before they reach the
 * file module.
 */
class HealthArchiveModuleService extends MedusaService({
  Kit,
  KitEvent,
  TestSubject,
  Consent,
  LabReport,
  LabReportFinding,
  MemberUpload,
  ReportBatch,
  ReportBatchFile,
  ArchiveAccess,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  // ---- kits -----------------------------------------------------------------

  /**
   * One kit per unit of every gene-test line. Safe to repeat: (line, unit) is unique,
   * so a replayed order.placed never creates a second set.
   */
  @InjectTransactionManager()
  async createKitsForOrder(
    input: {
      customer_id: string
      order_id: string
      order_display_id?: number | null
      collection_method: "mail_in" | "on_site"
      lines: NewKitLine[]
    },
    @MedusaContext() context: Context = {}
  ): Promise<KitRow[]> {
    const sql = this.sql(context)
    for (const line of input.lines) {
      for (let unit = 0; unit < line.units; unit++) {
        const id = generateEntityId(undefined, "kit")
        const inserted = await sql.execute<{ id: string }>(
          `insert into kit (id, customer_id, order_id, order_display_id, line_item_id, unit_index,
             product_title, variant_title, collection_method, status, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ordered', now(), now())
           on conflict do nothing returning id`,
          [
            id,
            input.customer_id,
            input.order_id,
            input.order_display_id ?? null,
            line.line_item_id,
            unit,
            line.product_title,
            line.variant_title ?? null,
            input.collection_method,
          ]
        )
        if (inserted.length) {
          await this.appendEvent(id, "ordered", { actor_type: "system" }, null, context)
        }
      }
    }
    return this.listKits({ order_id: input.order_id }, { order: { created_at: "ASC" } }, context)
  }

  /**
   * Moves a kit along its lifecycle. The update is conditional on the status the action
   * starts from, so two staff clicking at once (or a replayed job) move it only once.
   */
  @InjectTransactionManager()
  async transitionKit(
    kitId: string,
    action: KitAction,
    input: Actor & { note?: string | null; patch?: Partial<KitRow> },
    @MedusaContext() context: Context = {}
  ): Promise<{ kit: KitRow; event_id: string }> {
    const [kit] = await this.listKits({ id: kitId }, { take: 1 }, context)
    if (!kit) throw notFound("检测盒不存在")
    const refusal = kitTransitionRefusal(kit.status as KitStatus, action)
    if (refusal) throw notAllowed(refusal)
    const { from, to } = KIT_TRANSITIONS[action]
    const patch = { ...(input.patch ?? {}) }
    const columns = Object.keys(patch)
    const [moved] = await this.sql(context).execute<{ id: string }>(
      `update kit set status = ?, updated_at = now()${columns.map((c) => `, "${c}" = ?`).join("")}
       where id = ? and status in (${from.map(() => "?").join(", ")}) returning id`,
      [to, ...columns.map((c) => patch[c as keyof KitRow] ?? null), kitId, ...from]
    )
    if (!moved) {
      const [now] = await this.listKits({ id: kitId }, { take: 1 }, context)
      // Someone else moved it between our read and our write: a conflict, not bad input.
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        kitTransitionRefusal(now.status as KitStatus, action) ?? "检测盒状态刚刚已变化，请刷新"
      )
    }
    const event_id = await this.appendEvent(kitId, to, input, input.note ?? null, context)
    const [updated] = await this.listKits({ id: kitId }, { take: 1 }, context)
    return { kit: updated as KitRow, event_id }
  }

  /** The kit a barcode is printed on, or null. */
  @InjectManager()
  async kitByBarcode(barcode: string, @MedusaContext() context: Context = {}) {
    const [kit] = await this.listKits({ barcode }, { take: 1 }, context)
    return (kit as KitRow | undefined) ?? null
  }

  /** Kits shaped for members and staff: timeline, person, latest report. */
  @InjectManager()
  async kitViews(kitIds: string[], @MedusaContext() context: Context = {}): Promise<KitView[]> {
    if (!kitIds.length) return []
    const kits = (await this.listKits(
      { id: kitIds },
      { relations: ["events"], order: { created_at: "DESC" } },
      context
    )) as unknown as (KitRow & { events: Record<string, unknown>[] })[]
    const personIds = kits.map((kit) => kit.person_id).filter(Boolean) as string[]
    const persons = personIds.length
      ? // A removed 就诊人 still names the person of the kits tested for them.
        await this.listTestSubjects({ id: personIds }, { withDeleted: true }, context)
      : []
    const reports = await this.listLabReports(
      { kit_id: kitIds },
      { order: { created_at: "DESC" } },
      context
    )
    const byId = new Map(kits.map((kit) => [kit.id, kit]))
    return kitIds
      .map((id) => byId.get(id))
      .filter((kit): kit is NonNullable<typeof kit> => !!kit)
      .map((kit) => {
        const person = persons.find((p) => p.id === kit.person_id)
        const report = reports.find((r) => r.kit_id === kit.id)
        return {
          id: kit.id,
          customer_id: kit.customer_id,
          barcode: kit.barcode,
          status: kit.status as KitStatus,
          status_label: KIT_STATUS_LABELS[kit.status as KitStatus],
          product_title: kit.product_title,
          variant_title: kit.variant_title,
          order_id: kit.order_id,
          order_display_id: kit.order_display_id,
          collection_method: kit.collection_method,
          person: person ? this.revealPerson(person as never) : null,
          tracking:
            kit.tracking_carrier || kit.tracking_number
              ? { carrier: kit.tracking_carrier, number: kit.tracking_number }
              : null,
          rejection_reason: kit.rejection_reason,
          report: report
            ? {
                id: report.id,
                lab: report.lab,
                issued_at: report.issued_at ? new Date(report.issued_at).toISOString() : null,
                viewed_at: report.viewed_at ? new Date(report.viewed_at).toISOString() : null,
              }
            : null,
          timeline: [...kit.events]
            .sort((a, b) => +new Date(a.created_at as string) - +new Date(b.created_at as string))
            .map((event) => ({
              status: event.status as KitStatus,
              label: KIT_STATUS_LABELS[event.status as KitStatus],
              at: new Date(event.created_at as string).toISOString(),
              note: (event.note as string | null) ?? null,
            })),
          activated_at: kit.activated_at ? new Date(kit.activated_at).toISOString() : null,
          created_at: new Date(kit.created_at).toISOString(),
        }
      })
  }

  // ---- people and consents --------------------------------------------------

  @InjectTransactionManager()
  async addTestSubject(
    customerId: string,
    person: PersonDetails & { relation: Relation },
    @MedusaContext() context: Context = {}
  ): Promise<PersonView> {
    const sealed = this.cipher.sealJson({
      name: person.name,
      sex: person.sex,
      birth_date: person.birth_date,
    })
    const row = await this.createTestSubjects(
      {
        customer_id: customerId,
        relation: person.relation,
        payload_ciphertext: sealed.ciphertext,
        key_id: sealed.key_id,
      },
      context
    )
    return this.revealPerson(row as never)
  }

  /**
   * Saves a person the member books for (就诊人) with their ID number: sex and birth date
   * come from the ID number; `verification` is the 实名认证 that matched, if one was asked.
   */
  @InjectTransactionManager()
  async addPersonServed(
    customerId: string,
    person: { relation: Relation; name: string; id_number: string },
    verification: { id: string } | null,
    @MedusaContext() context: Context = {}
  ): Promise<PersonView> {
    const idNumber = person.id_number.trim().toUpperCase()
    const sealed = this.cipher.sealJson({
      name: person.name,
      sex: Number(idNumber[16]) % 2 === 1 ? "male" : "female",
      birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      id_number: idNumber,
    })
    const row = await this.createTestSubjects(
      {
        customer_id: customerId,
        relation: person.relation,
        payload_ciphertext: sealed.ciphertext,
        key_id: sealed.key_id,
        id_number_masked: maskCnIdNumber(idNumber),
        verified_at: verification ? new Date() : null,
        identity_verification_id: verification?.id ?? null,
      },
      context
    )
    return this.revealPerson(row as never)
  }

  /**
   * The name and full ID number of one of the member's saved people, for a booking; not
   * found when it is someone else's, removed, or was saved without an ID number.
   */
  @InjectManager()
  async personServedOf(
    customerId: string,
    personId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ name: string; id_number: string; verified: boolean }> {
    const [row] = await this.listTestSubjects(
      { id: personId, customer_id: customerId },
      { take: 1 },
      context
    )
    const details = row ? this.openPerson(row as never) : null
    if (!row || !details?.id_number) throw notFound("没有找到这位就诊人")
    return { name: details.name, id_number: details.id_number, verified: !!row.verified_at }
  }

  /** Removes one of the member's saved people; their kits keep naming them. */
  @InjectTransactionManager()
  async removePerson(customerId: string, personId: string, @MedusaContext() context: Context = {}) {
    const [row] = await this.listTestSubjects(
      { id: personId, customer_id: customerId },
      { take: 1 },
      context
    )
    if (!row) throw notFound("没有找到这位就诊人")
    await this.softDeleteTestSubjects([row.id], {}, context)
    return row.id
  }

  @InjectManager()
  async personsOf(customerId: string, @MedusaContext() context: Context = {}) {
    const rows = await this.listTestSubjects(
      { customer_id: customerId },
      { order: { created_at: "ASC" } },
      context
    )
    return rows.map((row) => this.revealPerson(row as never))
  }

  consentView(row: Record<string, unknown>): ConsentView {
    return {
      id: row.id as string,
      kit_id: (row.kit_id as string | null) ?? null,
      escort_booking_id: (row.escort_booking_id as string | null) ?? null,
      kind: row.kind as ConsentKind,
      kind_label: CONSENT_KIND_LABELS[row.kind as ConsentKind],
      version: row.version as string,
      signed_at: new Date(row.signed_at as string).toISOString(),
      withdrawn_at: row.withdrawn_at ? new Date(row.withdrawn_at as string).toISOString() : null,
    }
  }

  /** Withdraws a member's consent once; withdrawing again changes nothing. */
  @InjectTransactionManager()
  async withdrawConsent(
    customerId: string,
    consentId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConsentView> {
    const [consent] = await this.listConsents(
      { id: consentId, customer_id: customerId },
      {},
      context
    )
    if (!consent) throw notFound("没有找到这项知情同意")
    if (!consent.withdrawn_at) {
      await this.sql(context).execute(
        "update consent set withdrawn_at = now(), updated_at = now() where id = ? and withdrawn_at is null",
        [consentId]
      )
    }
    const [updated] = await this.listConsents({ id: consentId }, {}, context)
    return this.consentView(updated as never)
  }

  /**
   * Records the consents a member accepted when booking an escort: one row per kind with the
   * exact version of the text shown. Idempotent per booking and kind.
   */
  @InjectTransactionManager()
  async recordEscortConsents(
    customerId: string,
    bookingId: string,
    accepted: EscortConsentAcceptance[],
    @MedusaContext() context: Context = {}
  ): Promise<ConsentView[]> {
    const existing = await this.listConsents({ escort_booking_id: bookingId }, {}, context)
    const missing = accepted.filter((a) => !existing.some((row) => row.kind === a.kind))
    const signedAt = new Date()
    const created = missing.length
      ? await this.createConsents(
          missing.map((a) => ({
            customer_id: customerId,
            escort_booking_id: bookingId,
            kind: a.kind,
            version: a.version,
            signed_at: signedAt,
          })),
          context
        )
      : []
    return [...existing, ...created].map((row) => this.consentView(row as never))
  }

  /** Removes a booking's consents when creating the booking is rolled back. */
  @InjectTransactionManager()
  async forgetEscortConsents(bookingId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      "delete from consent where escort_booking_id = ? and kind in (?, ?, ?, ?)",
      [bookingId, ...ESCORT_CONSENT_KINDS]
    )
  }

  /** Booking ids (of those given) whose consent to share with the escort is withdrawn. */
  @InjectManager()
  async escortSharingWithdrawn(
    bookingIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Set<string>> {
    if (!bookingIds.length) return new Set()
    const rows = await this.sql(context).execute<{ escort_booking_id: string }>(
      `select escort_booking_id from consent
       where kind = 'escort_sharing' and withdrawn_at is not null and deleted_at is null
         and escort_booking_id in (${bookingIds.map(() => "?").join(", ")})`,
      bookingIds
    )
    return new Set(rows.map((row) => row.escort_booking_id))
  }

  // ---- reports ----------------------------------------------------------------

  sealSummary(summary: ReportSummary) {
    return this.cipher.sealJson(summary)
  }

  reportView(row: Record<string, unknown>, kit: { barcode: string | null; product_title: string }) {
    const summary = this.cipher.openJson<ReportSummary>({
      key_id: row.key_id as string,
      ciphertext: row.summary_ciphertext as string,
    })
    const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)
    return {
      id: row.id as string,
      kit_id: row.kit_id as string,
      barcode: kit.barcode,
      product_title: kit.product_title,
      lab: (row.lab as string | null) ?? null,
      issued_at: iso(row.issued_at),
      summary,
      size: Number(row.size),
      viewed_at: iso(row.viewed_at),
      created_at: iso(row.created_at) as string,
    } satisfies ReportView
  }

  /**
   * The owner's first open of a report: stamps it viewed and the kit 已查看报告. Later
   * opens (and a corrected report for a kit already delivered) change nothing. Returns the
   * kit's timeline step when it moved, for the caller's kit.status_changed event.
   */
  @InjectTransactionManager()
  async markReportViewed(reportId: string, @MedusaContext() context: Context = {}) {
    const sql = this.sql(context)
    const [report] = await sql.execute<{ kit_id: string }>(
      "update lab_report set viewed_at = now(), updated_at = now() where id = ? and viewed_at is null returning kit_id",
      [reportId]
    )
    if (!report) return null
    const [kit] = await this.listKits({ id: report.kit_id }, { take: 1 }, context)
    if (kit?.status !== "report_ready") return null
    const { event_id } = await this.transitionKit(
      kit.id,
      "deliver",
      { actor_type: "customer", actor_id: kit.customer_id },
      context
    )
    return { kit_id: kit.id, event_id }
  }

  /**
   * Records a chunk of staged report files in one transaction: one read of their kits (by
   * barcode, locked, so concurrent uploads of one PDF record it once) and of the reports
   * they may repeat, then one multi-row insert each for reports, their parsed findings and
   * the kits' timeline entries, one update of the kits and one of the files. Nothing is
   * decrypted: the files' readings carry the sealed summary and findings. Files already
   * done, or not staged, are left alone, so a replayed job changes nothing.
   */
  @InjectTransactionManager()
  async recordReportFiles(
    fileIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<RecordedReportFile[]> {
    if (!fileIds.length) return []
    const sql = this.sql(context)
    const began = performance.now()
    // Locked in id order (two jobs never wait on each other crosswise), decided in the
    // order given: the upload's, so the first of two copies of a PDF is the one kept.
    const upload = new Map(fileIds.map((id, index) => [id, index]))
    const files = (
      await sql.execute<StagedReportRow & { timings: Record<string, number> | null }>(
        `select id, size, file_id, key_id, sha256, reading, timings from report_batch_file
         where id in (${fileIds.map(() => "?").join(", ")}) and deleted_at is null
           and status <> 'done' and file_id is not null and reading is not null
         order by id for update`,
        fileIds
      )
    ).sort((a, b) => upload.get(a.id)! - upload.get(b.id)!)
    if (!files.length) return []
    const barcodes = [...new Set(files.map((file) => file.reading.barcode))]
    const kits = await sql.execute<KitForReport>(
      `select id, customer_id, status, barcode from kit
       where barcode in (${barcodes.map(() => "?").join(", ")}) and deleted_at is null
       order by id for update`,
      barcodes
    )
    const shas = [...new Set(files.map((file) => file.sha256))]
    const existing = kits.length
      ? await sql.execute<ExistingReport>(
          `select id, kit_id, sha256, batch_file_id from lab_report
           where deleted_at is null and kit_id in (${kits.map(() => "?").join(", ")})
             and sha256 in (${shas.map(() => "?").join(", ")})`,
          [...kits.map((kit) => kit.id), ...shas]
        )
      : []
    const plans = planReportFiles(files, kits, existing)
    const matched = performance.now()

    const byId = new Map(files.map((file) => [file.id, file]))
    const reports: unknown[] = []
    const findings: unknown[] = []
    const events: unknown[] = []
    const results = new Map<string, RecordedReportFile>()
    for (const plan of plans) {
      const file = byId.get(plan.id)!
      if (plan.kind === "refused") {
        results.set(plan.id, {
          id: plan.id,
          status: "failed",
          error_code: plan.code,
          barcode: plan.barcode,
          kit_id: null,
          report_id: null,
          kit_event_id: null,
        })
        continue
      }
      const reportId = plan.kind === "replay" ? plan.report_id : generateEntityId(undefined, "rep")
      let eventId: string | null = null
      if (plan.kind === "new") {
        const { reading } = file
        reports.push(
          reportId,
          plan.kit.id,
          plan.kit.customer_id,
          file.file_id,
          file.key_id,
          file.size,
          file.sha256,
          reading.summary.ciphertext,
          reading.lab,
          reading.issued_on ? new Date(`${reading.issued_on}T00:00:00+08:00`) : null,
          file.id
        )
        reading.findings.forEach((finding, position) =>
          findings.push(
            generateEntityId(undefined, "repf"),
            reportId,
            plan.kit.customer_id,
            position,
            finding.key_id,
            finding.ciphertext
          )
        )
        eventId = generateEntityId(undefined, "kitev")
        events.push(eventId, plan.kit.id, plan.note)
      }
      results.set(plan.id, {
        id: plan.id,
        status: "done",
        error_code: null,
        barcode: file.reading.barcode,
        kit_id: plan.kit.id,
        report_id: reportId,
        kit_event_id: eventId,
      })
    }

    if (reports.length) {
      // clock_timestamp(): a kit's newest report is its latest, even within one insert.
      await sql.execute(
        `insert into lab_report (id, kit_id, customer_id, file_id, key_id, size, sha256,
           summary_ciphertext, lab, issued_at, batch_file_id, created_at, updated_at)
         select v.id, v.kit_id, v.customer_id, v.file_id, v.key_id, v.size::integer, v.sha256,
           v.summary_ciphertext, v.lab, v.issued_at::timestamptz, v.batch_file_id,
           clock_timestamp(), clock_timestamp()
         from (values ${placeholders(reports.length / 11, 11)})
           as v(id, kit_id, customer_id, file_id, key_id, size, sha256, summary_ciphertext, lab,
                issued_at, batch_file_id)`,
        reports
      )
    }
    if (findings.length) {
      await sql.execute(
        `insert into lab_report_finding (id, report_id, customer_id, position, source, key_id,
           payload_ciphertext, created_at, updated_at)
         select v.id, v.report_id, v.customer_id, v.position::integer, 'parser', v.key_id,
           v.payload_ciphertext, now(), now()
         from (values ${placeholders(findings.length / 6, 6)})
           as v(id, report_id, customer_id, position, key_id, payload_ciphertext)`,
        findings
      )
    }
    if (events.length) {
      const kitIds = [
        ...new Set(plans.flatMap((plan) => (plan.kind === "new" ? [plan.kit.id] : []))),
      ]
      const { from, to } = KIT_TRANSITIONS.report
      // The kits are locked above, so every one still starts from where the plan saw it.
      const moved = await sql.execute<{ id: string }>(
        `update kit set status = ?, updated_at = now()
         where id in (${kitIds.map(() => "?").join(", ")})
           and status in (${from.map(() => "?").join(", ")}) returning id`,
        [to, ...kitIds, ...from]
      )
      if (moved.length !== kitIds.length) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "检测盒状态刚刚已变化，请重试")
      }
      // One timeline entry per new report, in upload order, as the system's.
      await sql.execute(
        `insert into kit_event (id, kit_id, status, note, actor_type, actor_id, created_at, updated_at)
         select v.id, v.kit_id, '${to}', v.note, 'system', null, clock_timestamp(), clock_timestamp()
         from (values ${placeholders(events.length / 3, 3)}) as v(id, kit_id, note)`,
        events
      )
    }

    // Match and record time, shared by the chunk's files, for the progress view's timings.
    const share = (ms: number) => ms / files.length
    const recorded = performance.now()
    const updates: unknown[] = []
    const planOf = new Map(plans.map((plan) => [plan.id, plan]))
    for (const file of files) {
      const result = results.get(file.id)!
      const plan = planOf.get(file.id)!
      updates.push(
        file.id,
        result.status,
        result.error_code,
        plan.kind === "refused" ? plan.message : null,
        result.barcode,
        result.kit_id,
        result.report_id,
        JSON.stringify({
          ...(file.timings ?? {}),
          match: share(matched - began),
          record: share(recorded - matched),
        })
      )
    }
    // The reading is dropped once the report holds it; a refused file keeps it for a retry.
    await sql.execute(
      `update report_batch_file as f set status = v.status, error_code = v.error_code,
         error_message = v.error_message, barcode = v.barcode, kit_id = v.kit_id,
         report_id = v.report_id, timings = v.timings::jsonb, updated_at = now(),
         reading = case when v.status = 'done' then null else f.reading end
       from (values ${placeholders(files.length, 8)})
         as v(id, status, error_code, error_message, barcode, kit_id, report_id, timings)
       where f.id = v.id`,
      updates
    )
    return files.map((file) => results.get(file.id)!)
  }

  // ---- findings (reports as data) -------------------------------------------

  /**
   * Records a report's findings, replacing what was there: the parser's first reading, or
   * staff's corrected list (staff's always wins; the parser never overwrites it).
   * Returns false when the parser's reading was not kept.
   */
  @InjectTransactionManager()
  async recordReportFindings(
    input: {
      report_id: string
      findings: ReportFinding[]
      source: "parser" | "staff"
      actor_id?: string | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const [report] = await this.listLabReports({ id: input.report_id }, { take: 1 }, context)
    if (!report) throw notFound("没有找到这份报告")
    const sql = this.sql(context)
    // Serialises two recordings of one report, so the list is never a mix of both.
    await sql.execute("select id from lab_report where id = ? for update", [report.id])
    const existing = await this.listLabReportFindings({ report_id: report.id }, {}, context)
    if (input.source === "parser" && existing.some((row) => row.source === "staff")) return false
    if (existing.length)
      await this.deleteLabReportFindings(
        existing.map((row) => row.id),
        context
      )
    if (input.findings.length) {
      await this.createLabReportFindings(
        input.findings.map((finding, position) => {
          const sealed = this.cipher.sealJson(finding)
          return {
            report_id: report.id,
            customer_id: report.customer_id,
            position,
            source: input.source,
            actor_id: input.actor_id ?? null,
            key_id: sealed.key_id,
            payload_ciphertext: sealed.ciphertext,
          }
        }),
        context
      )
    }
    return true
  }

  /** A report's findings, opened, in the report's order. */
  @InjectManager()
  async reportFindings(
    reportId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ReportFindings> {
    const rows = await this.listLabReportFindings(
      { report_id: reportId },
      { order: { position: "ASC" } },
      context
    )
    return {
      findings: rows.map((row) => {
        const finding = this.openFinding(row)
        return { ...finding, risk_label: REPORT_FINDING_RISK_LABELS[finding.risk] }
      }),
      source: (rows[0]?.source as ReportFindings["source"]) ?? null,
      recorded_at: rows[0] ? new Date(rows[0].created_at).toISOString() : null,
    }
  }

  /** Every finding of each member's reports, opened: what their suggestions are drawn from. */
  @InjectManager()
  async findingsOfMembers(
    customerIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, ReportFinding[]>> {
    const byMember = new Map<string, ReportFinding[]>()
    if (!customerIds.length) return byMember
    const rows = await this.listLabReportFindings({ customer_id: customerIds }, {}, context)
    for (const row of rows) {
      const list = byMember.get(row.customer_id) ?? []
      list.push(this.openFinding(row))
      byMember.set(row.customer_id, list)
    }
    return byMember
  }

  /** Erases a member's findings with the rest of the archive. */
  @InjectTransactionManager()
  async forgetFindingsOf(customerId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute("delete from lab_report_finding where customer_id = ?", [
      customerId,
    ])
  }

  // ---- uploads ----------------------------------------------------------------

  sealUploadDetails(details: { filename: string; note: string | null }) {
    return this.cipher.sealJson(details)
  }

  uploadView(row: Record<string, unknown>): UploadView {
    const details = this.cipher.openJson<{ filename: string; note: string | null }>({
      key_id: row.key_id as string,
      ciphertext: row.payload_ciphertext as string,
    })
    return {
      id: row.id as string,
      kind: row.kind as "image" | "pdf",
      filename: details.filename,
      mime_type: row.mime_type as string,
      size: Number(row.size),
      note: details.note,
      created_at: new Date(row.created_at as string).toISOString(),
    }
  }

  // ---- access log -------------------------------------------------------------

  async logAccess(input: {
    owner_id: string
    actor_type: ActorType
    actor_id?: string | null
    action: string
    resource_type: string
    resource_id?: string | null
    ip?: string | null
  }) {
    await this.createArchiveAccesses({ ...input, actor_id: input.actor_id ?? null })
  }

  // ---- internals --------------------------------------------------------------

  protected async appendEvent(
    kitId: string,
    status: KitStatus,
    actor: Actor,
    note: string | null,
    context: Context
  ): Promise<string> {
    const id = generateEntityId(undefined, "kitev")
    await this.sql(context).execute(
      `insert into kit_event (id, kit_id, status, note, actor_type, actor_id, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp())`,
      [id, kitId, status, note, actor.actor_type, actor.actor_id ?? null]
    )
    return id
  }

  protected openFinding(row: { key_id: string; payload_ciphertext: string }): ReportFinding {
    return this.cipher.openJson<ReportFinding>({
      key_id: row.key_id,
      ciphertext: row.payload_ciphertext,
    })
  }

  protected openPerson(row: { payload_ciphertext: string; key_id: string }) {
    return this.cipher.openJson<PersonDetails & { id_number?: string }>({
      key_id: row.key_id,
      ciphertext: row.payload_ciphertext,
    })
  }

  /** A person as members and staff see them: the ID number only masked. */
  protected revealPerson(row: {
    id: string
    relation: Relation
    payload_ciphertext: string
    key_id: string
    id_number_masked?: string | null
    verified_at?: Date | string | null
  }): PersonView {
    const details = this.openPerson(row)
    return {
      id: row.id,
      relation: row.relation,
      relation_label: RELATION_LABELS[row.relation],
      name: details.name,
      sex: details.sex,
      birth_date: details.birth_date,
      id_number_masked: row.id_number_masked ?? null,
      verified_at: row.verified_at ? new Date(row.verified_at).toISOString() : null,
    }
  }

  protected sql(context: Context): Sql {
    return contextSql(context, "health-archive")
  }
}

export default HealthArchiveModuleService
