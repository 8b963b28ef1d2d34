import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { fieldCipherFromEnv, type FieldCipher } from "../../lib/crypto/field-cipher"
import { contextSql, type Sql } from "../../lib/database/context-sql"
import {
  conversationMessages,
  latestConversationMessageId,
  type MessageTable,
} from "../../lib/database/conversation-messages"
import { Consultation } from "./models/consultation"
import { ConsultationAttachment } from "./models/consultation-attachment"
import { ConsultationDoctor } from "./models/consultation-doctor"
import { ConsultationFollowUp } from "./models/consultation-follow-up"
import { ConsultationMessage } from "./models/consultation-message"
import { ConsultationPatientNote } from "./models/consultation-patient-note"
import { ConsultationCallRecord, ConsultationPhoneBinding } from "./models/consultation-phone-call"
import { ConsultationScheduleException } from "./models/consultation-schedule-exception"
import { ConsultationScheduleRule } from "./models/consultation-schedule-rule"
import { ConsultationSharedItem } from "./models/consultation-shared-item"
import { ConsultationSlotBooking } from "./models/consultation-slot-booking"
import { DoctorLicenseDocument } from "./models/doctor-license-document"
import { ADVICE_DISCLAIMER, ADVICE_LABELS, type AdviceNote } from "./rules/advice-note"
import {
  CONSULTATION_STATUS_LABELS,
  QUEUE_TABS,
  type ConsultationStatus,
  type QueueTab,
} from "./rules/consultation-status"
import type { DoctorProfile } from "./rules/doctor-from-cms"
import {
  generateSlots,
  overlappingRules,
  type ScheduleException,
  type ScheduleRule,
  type SlotMode,
} from "./rules/slots"
import type {
  AttachmentRow,
  ConsultationMessageRow,
  ConsultationMessageView,
  ConsultationMode,
  ConsultationRow,
  ConsultationView,
  DoctorLicenseDocumentRow,
  DoctorLicenseKind,
  DoctorRow,
  DoctorView,
  FollowUpRow,
  FollowUpView,
  MessageSender,
  ModePrices,
  PatientNoteRow,
  PatientSummary,
  ScheduleExceptionRow,
  ScheduleRuleRow,
  SharedItemRow,
  SlotBookingRow,
  SlotView,
  TimelineEvent,
} from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

const DOCTOR_COLUMNS = `id, cms_document_id, name, title, hospital, departments, specialties,
  introduction, photo_url, phone, license_number, license_verified_at, prices, weekly_schedule,
  on_duty`
const LICENSE_DOCUMENT_COLUMNS = `id, doctor_id, kind, status, rejection_reason, mime_type, size,
  file_id, key_id, reviewed_by, reviewed_at, created_at`
const licenseDocumentNumbers = (row: DoctorLicenseDocumentRow): DoctorLicenseDocumentRow => ({
  ...row,
  size: Number(row.size),
})
const CONSULTATION_COLUMNS = `id, customer_id, doctor_id, mode, status, question_ciphertext,
  key_id, price_fen, cart_id, order_id, paid_at, answer_due_at, accepted_at, completed_at,
  cancelled_at, refunded_at, refund_fen, refund_reason, advice_ciphertext, advice_key_id,
  advice_at, created_at`
const MESSAGE_COLUMNS = `id, consultation_id, sender_type, sender_id, text_ciphertext, key_id,
  attachment_id, created_at`
const ATTACHMENT_COLUMNS = `id, consultation_id, uploader_type, uploader_id, mime_type, size,
  file_id, key_id, created_at`
const SHARED_COLUMNS = `id, consultation_id, customer_id, item_type, item_id, withdrawn_at,
  created_at`
const RULE_COLUMNS = `id, doctor_id, weekday, start_time, end_time, slot_minutes, modes, capacity`
const EXCEPTION_COLUMNS = `id, doctor_id, date, kind, start_time, end_time, slot_minutes, modes,
  capacity, note`
const FOLLOW_UP_COLUMNS = `id, doctor_id, customer_id, consultation_id, due_date, note_ciphertext,
  key_id, reminded_at, created_at`
const NOTE_COLUMNS = `id, doctor_id, customer_id, note_ciphertext, key_id, created_at`
const BOOKING_COLUMNS = `id, doctor_id, consultation_id, customer_id, mode, slot_start, slot_end,
  seat, released_at`

/** How many messages one read answers; `after` pages on. */
export const MESSAGES_PAGE = 200

const MESSAGES: MessageTable = {
  table: "consultation_message",
  conversationColumn: "consultation_id",
  columns: MESSAGE_COLUMNS,
  pageSize: MESSAGES_PAGE,
}

const iso = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : null

/**
 * 问诊: doctors (profiles synced from the CMS, licence and prices set by staff), consultations
 * with their messages, attachments and the archive items shared with the doctor. Status moves
 * are conditional UPDATEs from the status the caller read, so two moves at once make one.
 */
class ConsultationModuleService extends MedusaService({
  ConsultationDoctor,
  Consultation,
  ConsultationMessage,
  ConsultationAttachment,
  ConsultationSharedItem,
  ConsultationScheduleRule,
  ConsultationScheduleException,
  ConsultationSlotBooking,
  ConsultationFollowUp,
  ConsultationPatientNote,
  ConsultationPhoneBinding,
  ConsultationCallRecord,
  DoctorLicenseDocument,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  // ---- doctors ----------------------------------------------------------------------------

  /**
   * Writes the CMS's expert profiles: new ones become doctors (not verified, so not offered),
   * known ones get their profile fields; staff-set fields are never touched. Experts gone
   * from the CMS are taken off duty rather than deleted (their consultations keep them).
   */
  @InjectTransactionManager()
  async upsertFromCms(
    profiles: DoctorProfile[],
    at: Date,
    @MedusaContext() context: Context = {}
  ): Promise<{ created: number; updated: number; retired: number }> {
    const sql = this.sql(context)
    let created = 0
    let updated = 0
    for (const p of profiles) {
      const [row] = await sql.execute<{ inserted: boolean }>(
        `insert into consultation_doctor (id, cms_document_id, name, title, hospital, departments,
           specialties, introduction, photo_url, prices, weekly_schedule, on_duty, synced_at)
         values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, '{}'::jsonb, '{}'::jsonb, true, ?)
         on conflict (cms_document_id) where deleted_at is null and cms_document_id is not null
         do update set name = excluded.name, title = excluded.title, hospital = excluded.hospital,
           departments = excluded.departments, specialties = excluded.specialties,
           introduction = excluded.introduction, photo_url = excluded.photo_url,
           synced_at = excluded.synced_at, updated_at = now()
         returning (xmax = 0) as inserted`,
        [
          generateEntityId("", "doc"),
          p.cms_document_id,
          p.name,
          p.title,
          p.hospital,
          JSON.stringify(p.departments),
          JSON.stringify(p.specialties),
          p.introduction,
          p.photo_url,
          at,
        ]
      )
      if (row?.inserted) created++
      else updated++
    }
    const ids = profiles.map((p) => p.cms_document_id)
    const retired = await sql.execute(
      `update consultation_doctor set on_duty = false, updated_at = now()
       where cms_document_id is not null and deleted_at is null and on_duty
       ${ids.length ? `and cms_document_id not in (${ids.map(() => "?").join(", ")})` : ""}
       returning id`,
      ids
    )
    return { created, updated, retired: retired.length }
  }

  @InjectManager()
  async doctorRow(id: string, @MedusaContext() context: Context = {}): Promise<DoctorRow> {
    const [row] = await this.sql(context).execute<DoctorRow>(
      `select ${DOCTOR_COLUMNS} from consultation_doctor where id = ? and deleted_at is null`,
      [id]
    )
    if (!row) throw notFound("没有找到这位医生")
    return row
  }

  @InjectManager()
  async doctorByPhone(
    phone: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorRow | null> {
    const [row] = await this.sql(context).execute<DoctorRow>(
      `select ${DOCTOR_COLUMNS} from consultation_doctor where phone = ? and deleted_at is null`,
      [phone]
    )
    return row ?? null
  }

  /** Doctors members may ask: licence verified; `all` adds the unverified (for staff). */
  @InjectManager()
  async doctors(
    options: { all?: boolean } = {},
    @MedusaContext() context: Context = {}
  ): Promise<DoctorRow[]> {
    return this.sql(context).execute<DoctorRow>(
      `select ${DOCTOR_COLUMNS} from consultation_doctor where deleted_at is null
       ${options.all ? "" : "and license_verified_at is not null"}
       order by on_duty desc, name, id limit 500`
    )
  }

  /** Staff set what the CMS does not hold: sign-in phone, licence number, prices. */
  @InjectTransactionManager()
  async updateDoctorDetails(
    id: string,
    patch: { phone?: string | null; license_number?: string | null; prices?: ModePrices },
    @MedusaContext() context: Context = {}
  ): Promise<DoctorRow> {
    const current = await this.doctorRow(id, context)
    if (patch.phone) {
      const other = await this.doctorByPhone(patch.phone, context)
      if (other && other.id !== id) throw conflict("该手机号已绑定其他医生")
    }
    const licenceChanged =
      patch.license_number !== undefined && patch.license_number !== current.license_number
    await this.sql(context).execute(
      `update consultation_doctor set phone = ?, license_number = ?, prices = ?::jsonb,
         license_verified_at = ${licenceChanged ? "null" : "license_verified_at"}, updated_at = now()
       where id = ?`,
      [
        patch.phone !== undefined ? patch.phone : current.phone,
        patch.license_number !== undefined ? patch.license_number : current.license_number,
        JSON.stringify(patch.prices ?? current.prices ?? {}),
        id,
      ]
    )
    return this.doctorRow(id, context)
  }

  /**
   * Staff approved a licence document (执业证书): the doctor may take consultations. Needs a
   * licence number.
   */
  @InjectTransactionManager()
  async verifyLicense(
    id: string,
    at: Date,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorRow> {
    const doctor = await this.doctorRow(id, context)
    if (!doctor.license_number)
      throw invalid("请先在医生资料中填写执业证号，再通过其执业证书的审核")
    await this.sql(context).execute(
      `update consultation_doctor set license_verified_at = coalesce(license_verified_at, ?),
         updated_at = now() where id = ?`,
      [at, id]
    )
    return this.doctorRow(id, context)
  }

  /**
   * Staff withdrew the licence verification (a rejected 执业证书): the doctor is no longer
   * offered to members nor let into the 在线诊室. Answers the previous value, to put back.
   */
  @InjectTransactionManager()
  async withdrawLicenseVerification(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<Date | string | null> {
    const doctor = await this.doctorRow(id, context)
    await this.sql(context).execute(
      `update consultation_doctor set license_verified_at = null, updated_at = now() where id = ?`,
      [id]
    )
    return doctor.license_verified_at
  }

  /** Puts a licence verification back as it was (a failed review's compensation). */
  @InjectTransactionManager()
  async restoreLicenseVerification(
    id: string,
    at: Date | string | null,
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `update consultation_doctor set license_verified_at = ?, updated_at = now() where id = ?`,
      [at, id]
    )
  }

  // ---- licence documents --------------------------------------------------------------------

  @InjectTransactionManager()
  async addLicenseDocument(
    input: {
      doctor_id: string
      kind: DoctorLicenseKind
      mime_type: string
      size: number
      file_id: string
      key_id: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<DoctorLicenseDocumentRow> {
    const id = generateEntityId("", "docld")
    await this.sql(context).execute(
      `insert into doctor_license_document (id, doctor_id, kind, mime_type, size, file_id, key_id)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [id, input.doctor_id, input.kind, input.mime_type, input.size, input.file_id, input.key_id]
    )
    return this.licenseDocument(input.doctor_id, id, context)
  }

  /** One doctor's documents, newest first. */
  @InjectManager()
  async licenseDocumentsOf(
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorLicenseDocumentRow[]> {
    const rows = await this.sql(context).execute<DoctorLicenseDocumentRow>(
      `select ${LICENSE_DOCUMENT_COLUMNS} from doctor_license_document
       where doctor_id = ? and deleted_at is null order by created_at desc, id desc limit 100`,
      [doctorId]
    )
    return rows.map(licenseDocumentNumbers)
  }

  /** Every doctor's documents in a status (the reviewers' queue), oldest first. */
  @InjectManager()
  async listLicenseDocumentsFor(
    status: DoctorLicenseDocumentRow["status"] | undefined,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorLicenseDocumentRow[]> {
    const rows = await this.sql(context).execute<DoctorLicenseDocumentRow>(
      `select ${LICENSE_DOCUMENT_COLUMNS} from doctor_license_document
       where deleted_at is null ${status ? "and status = ?" : ""}
       order by created_at asc, id asc limit 200`,
      status ? [status] : []
    )
    return rows.map(licenseDocumentNumbers)
  }

  /** The doctor's document; another doctor's is 404. */
  @InjectManager()
  async licenseDocument(
    doctorId: string,
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorLicenseDocumentRow> {
    const [row] = await this.sql(context).execute<DoctorLicenseDocumentRow>(
      `select ${LICENSE_DOCUMENT_COLUMNS} from doctor_license_document
       where id = ? and doctor_id = ? and deleted_at is null`,
      [id, doctorId]
    )
    if (!row) throw notFound("未找到该资质材料")
    return licenseDocumentNumbers(row)
  }

  /**
   * Staff approve or reject a pending document; only a pending one moves, so of two reviews
   * at once one decides and the other is a 409.
   */
  @InjectTransactionManager()
  async reviewLicenseDocument(
    input: {
      doctor_id: string
      document_id: string
      decision: "approve" | "reject"
      reason: string | null
      reviewer_id: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<DoctorLicenseDocumentRow> {
    const moved = await this.sql(context).execute(
      `update doctor_license_document set status = ?, rejection_reason = ?, reviewed_by = ?,
         reviewed_at = now(), updated_at = now()
       where id = ? and doctor_id = ? and status = 'pending' and deleted_at is null returning id`,
      [
        input.decision === "approve" ? "approved" : "rejected",
        input.decision === "approve" ? null : input.reason,
        input.reviewer_id,
        input.document_id,
        input.doctor_id,
      ]
    )
    if (!moved.length) {
      await this.licenseDocument(input.doctor_id, input.document_id, context)
      throw conflict("该材料已审核过，不能重复审核")
    }
    return this.licenseDocument(input.doctor_id, input.document_id, context)
  }

  /** Undoes reviewLicenseDocument (compensation): back to pending. */
  @InjectTransactionManager()
  async undoLicenseReview(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update doctor_license_document set status = 'pending', rejection_reason = null,
         reviewed_by = null, reviewed_at = null, updated_at = now() where id = ?`,
      [id]
    )
  }

  /** The doctor goes on or off duty and keeps a weekly schedule. */
  @InjectTransactionManager()
  async setDuty(
    id: string,
    input: { on_duty?: boolean; weekly_schedule?: Record<string, [string, string][]> },
    @MedusaContext() context: Context = {}
  ): Promise<DoctorRow> {
    const current = await this.doctorRow(id, context)
    await this.sql(context).execute(
      `update consultation_doctor set on_duty = ?, weekly_schedule = ?::jsonb, updated_at = now()
       where id = ?`,
      [
        input.on_duty ?? current.on_duty,
        JSON.stringify(input.weekly_schedule ?? current.weekly_schedule ?? {}),
        id,
      ]
    )
    return this.doctorRow(id, context)
  }

  presentDoctor(row: DoctorRow): DoctorView {
    return {
      id: row.id,
      name: row.name,
      title: row.title,
      hospital: row.hospital,
      departments: row.departments ?? [],
      specialties: row.specialties ?? [],
      introduction: row.introduction,
      photo_url: row.photo_url,
      license_number: row.license_number,
      license_verified: !!row.license_verified_at,
      prices: row.prices ?? {},
      on_duty: row.on_duty,
    }
  }

  // ---- consultations ----------------------------------------------------------------------

  @InjectTransactionManager()
  async openConsultation(
    input: {
      customer_id: string
      doctor_id: string
      mode: ConsultationMode
      question: string
      price_fen: number
      /** A phone or video consultation holds a seat of this slot, or fails with 409. */
      slot?: { start: Date; end: Date; capacity: number }
    },
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow> {
    const sealed = this.cipher.seal(input.question)
    const sql = this.sql(context)
    const [row] = await sql.execute<ConsultationRow>(
      `insert into consultation (id, customer_id, doctor_id, mode, status, question_ciphertext,
         key_id, price_fen)
       values (?, ?, ?, ?, 'pending_payment', ?, ?, ?) returning ${CONSULTATION_COLUMNS}`,
      [
        generateEntityId("", "cons"),
        input.customer_id,
        input.doctor_id,
        input.mode,
        sealed.ciphertext,
        sealed.key_id,
        input.price_fen,
      ]
    )
    if (input.slot) await this.holdSeat(row, input.slot, sql)
    return row
  }

  /**
   * Takes the first free seat of the slot. Each seat is a row unique per doctor and start while
   * held: a racing booking waits on the other's uncommitted seat, then finds it taken and tries
   * the next; with no seat left the whole booking (consultation included) rolls back.
   */
  private async holdSeat(
    row: ConsultationRow,
    slot: { start: Date; end: Date; capacity: number },
    sql: Sql
  ) {
    for (let seat = 1; seat <= slot.capacity; seat++) {
      const held = await sql.execute(
        `insert into consultation_slot_booking (id, doctor_id, consultation_id, customer_id, mode,
           slot_start, slot_end, seat)
         values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing returning id`,
        [
          generateEntityId("", "cslot"),
          row.doctor_id,
          row.id,
          row.customer_id,
          row.mode,
          slot.start,
          slot.end,
          seat,
        ]
      )
      if (held.length) return
    }
    throw conflict("该时段已被预约满，请选择其他时段")
  }

  /** A consultation; with `customerId` only that member's (another member's is 404). */
  @InjectManager()
  async ownedConsultation(
    id: string,
    customerId?: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow> {
    const [row] = await this.sql(context).execute<ConsultationRow>(
      `select ${CONSULTATION_COLUMNS} from consultation where id = ? and deleted_at is null
       ${customerId ? "and customer_id = ?" : ""}`,
      customerId ? [id, customerId] : [id]
    )
    if (!row) throw notFound("没有找到这次问诊")
    return row
  }

  /** A paid consultation of this doctor; unpaid ones and other doctors' are 404. */
  @InjectManager()
  async doctorConsultation(
    id: string,
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow> {
    const [row] = await this.sql(context).execute<ConsultationRow>(
      `select ${CONSULTATION_COLUMNS} from consultation
       where id = ? and doctor_id = ? and paid_at is not null and deleted_at is null`,
      [id, doctorId]
    )
    if (!row) throw notFound("没有找到这次问诊")
    return row
  }

  @InjectManager()
  async consultationsOf(
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow[]> {
    return this.sql(context).execute<ConsultationRow>(
      `select ${CONSULTATION_COLUMNS} from consultation
       where customer_id = ? and deleted_at is null order by created_at desc, id desc limit 200`,
      [customerId]
    )
  }

  /** The doctor's desk: paid consultations in one tab, oldest deadline first. */
  @InjectManager()
  async queueOf(
    doctorId: string,
    tab: QueueTab,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow[]> {
    const statuses = QUEUE_TABS[tab]
    return this.sql(context).execute<ConsultationRow>(
      `select ${CONSULTATION_COLUMNS} from consultation
       where doctor_id = ? and paid_at is not null and deleted_at is null
         and status in (${statuses.map(() => "?").join(", ")})
       order by ${tab === "done" ? "coalesce(completed_at, refunded_at) desc" : "answer_due_at asc"}, id
       limit 200`,
      [doctorId, ...statuses]
    )
  }

  /** The member's advice notes (completed consultations), newest first: part of their archive. */
  @InjectManager()
  async adviceNotesOf(
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow[]> {
    return this.sql(context).execute<ConsultationRow>(
      `select ${CONSULTATION_COLUMNS} from consultation
       where customer_id = ? and advice_ciphertext is not null and deleted_at is null
       order by advice_at desc, id desc limit 100`,
      [customerId]
    )
  }

  @InjectTransactionManager()
  async attachCart(id: string, cartId: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update consultation set cart_id = ?, updated_at = now() where id = ?`,
      [cartId, id]
    )
  }

  /** 待支付 → 待接诊 once, with the answer deadline; a replay changes nothing. */
  @InjectTransactionManager()
  async markPaidByOrder(
    id: string,
    orderId: string,
    answerDueAt: (paidAt: Date) => Date,
    @MedusaContext() context: Context = {}
  ): Promise<{ moved: boolean; consultation: ConsultationRow }> {
    const now = new Date()
    const moved = await this.sql(context).execute(
      `update consultation set status = 'awaiting_doctor', order_id = ?, paid_at = ?,
         answer_due_at = ?, updated_at = now()
       where id = ? and status = 'pending_payment' and deleted_at is null returning id`,
      [orderId, now, answerDueAt(now), id]
    )
    return {
      moved: moved.length > 0,
      consultation: await this.ownedConsultation(id, undefined, context),
    }
  }

  /** The doctor takes it: 待接诊 → 进行中 (the doctor's first reply does the same). */
  @InjectTransactionManager()
  async accept(
    id: string,
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ moved: boolean; consultation: ConsultationRow }> {
    const moved = await this.sql(context).execute(
      `update consultation set status = 'in_progress', accepted_at = clock_timestamp(),
         updated_at = now()
       where id = ? and doctor_id = ? and status = 'awaiting_doctor' returning id`,
      [id, doctorId]
    )
    return {
      moved: moved.length > 0,
      consultation: await this.ownedConsultation(id, undefined, context),
    }
  }

  /** Compensation of accept. */
  @InjectTransactionManager()
  async undoAccept(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update consultation set status = 'awaiting_doctor', accepted_at = null, updated_at = now()
       where id = ? and status = 'in_progress'`,
      [id]
    )
  }

  /** The advice note closes it: 进行中 → 已完成, once. */
  @InjectTransactionManager()
  async complete(
    id: string,
    doctorId: string,
    note: AdviceNote,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow> {
    const sealed = this.cipher.sealJson(note)
    const moved = await this.sql(context).execute(
      `update consultation set status = 'completed', advice_ciphertext = ?, advice_key_id = ?,
         advice_at = clock_timestamp(), completed_at = clock_timestamp(), updated_at = now()
       where id = ? and doctor_id = ? and status = 'in_progress' returning id`,
      [sealed.ciphertext, sealed.key_id, id, doctorId]
    )
    const row = await this.ownedConsultation(id, undefined, context)
    if (!moved.length) {
      throw conflict(
        `问诊当前为「${CONSULTATION_STATUS_LABELS[row.status]}」，${
          row.status === "awaiting_doctor" ? "请先接诊" : "不能再写建议"
        }`
      )
    }
    return row
  }

  /** Compensation of complete. */
  @InjectTransactionManager()
  async undoComplete(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update consultation set status = 'in_progress', advice_ciphertext = null,
         advice_key_id = null, advice_at = null, completed_at = null, updated_at = now()
       where id = ? and status = 'completed'`,
      [id]
    )
  }

  /**
   * 待接诊 → 已退款 (declined, or not answered in time), once: the caller refunds only when
   * this moved it. `from` is the status read; a consultation the doctor took meanwhile stays.
   */
  @InjectTransactionManager()
  async markRefunded(
    id: string,
    input: { refund_fen: number; reason: string },
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const moved = await this.sql(context).execute(
      `update consultation set status = 'refunded', refunded_at = clock_timestamp(), refund_fen = ?,
         refund_reason = ?, updated_at = now()
       where id = ? and status = 'awaiting_doctor' returning id`,
      [input.refund_fen, input.reason, id]
    )
    if (moved.length) await this.releaseSeats([id], context)
    return moved.length > 0
  }

  /** Compensation of markRefunded (the refund itself failed). */
  @InjectTransactionManager()
  async undoRefunded(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update consultation set status = 'awaiting_doctor', refunded_at = null, refund_fen = null,
         refund_reason = null, updated_at = now()
       where id = ? and status = 'refunded'`,
      [id]
    )
  }

  /** Paid consultations nobody took before their deadline. */
  @InjectManager()
  async overdue(now: Date, @MedusaContext() context: Context = {}): Promise<string[]> {
    const rows = await this.sql(context).execute<{ id: string }>(
      `select id from consultation where status = 'awaiting_doctor' and answer_due_at <= ?
         and deleted_at is null order by answer_due_at limit 100`,
      [now]
    )
    return rows.map((row) => row.id)
  }

  /** Unpaid since before `before`: 已取消 (a payment that still comes is refunded). */
  @InjectTransactionManager()
  async expireUnpaid(before: Date, @MedusaContext() context: Context = {}): Promise<string[]> {
    const rows = await this.sql(context).execute<{ id: string }>(
      `update consultation set status = 'cancelled', cancelled_at = now(), updated_at = now()
       where status = 'pending_payment' and created_at < ? and deleted_at is null returning id`,
      [before]
    )
    const ids = rows.map((row) => row.id)
    await this.releaseSeats(ids, context)
    return ids
  }

  /** A payment for a consultation already cancelled was refunded at once: record it. */
  @InjectTransactionManager()
  async recordLateRefund(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(
      `update consultation set status = 'refunded', refunded_at = now(), refund_fen = price_fen,
         refund_reason = '问诊已取消后才收到付款，已全额退款', updated_at = now()
       where id = ? and status = 'cancelled'`,
      [id]
    )
  }

  timeline(row: ConsultationRow): TimelineEvent[] {
    const steps: [ConsultationStatus, Date | string | null][] = [
      ["pending_payment", row.created_at],
      ["awaiting_doctor", row.paid_at],
      ["in_progress", row.accepted_at],
      ["completed", row.completed_at],
      ["cancelled", row.cancelled_at],
      ["refunded", row.refunded_at],
    ]
    return steps
      .filter(([, at]) => at)
      .map(([status, at]) => ({
        id: `${row.id}:${status}`,
        status,
        label: CONSULTATION_STATUS_LABELS[status],
        at: iso(at)!,
      }))
      .sort((a, b) => a.at.localeCompare(b.at))
  }

  presentConsultation(
    row: ConsultationRow,
    doctor: DoctorRow | null,
    slot: SlotBookingRow | null = null
  ): ConsultationView {
    const advice =
      row.advice_ciphertext && row.advice_key_id
        ? this.cipher.openJson<AdviceNote>({
            key_id: row.advice_key_id,
            ciphertext: row.advice_ciphertext,
          })
        : null
    return {
      id: row.id,
      mode: row.mode,
      status: row.status,
      status_label: CONSULTATION_STATUS_LABELS[row.status],
      question: this.cipher.open({ key_id: row.key_id, ciphertext: row.question_ciphertext }),
      price_fen: Number(row.price_fen),
      doctor: doctor ? this.presentDoctor(doctor) : null,
      paid_at: iso(row.paid_at),
      answer_due_at: iso(row.answer_due_at),
      accepted_at: iso(row.accepted_at),
      completed_at: iso(row.completed_at),
      refunded_at: iso(row.refunded_at),
      refund_fen: row.refund_fen === null ? null : Number(row.refund_fen),
      refund_reason: row.refund_reason,
      advice: advice && {
        ...advice,
        labels: { ...ADVICE_LABELS },
        disclaimer: ADVICE_DISCLAIMER,
        at: iso(row.advice_at)!,
      },
      events: this.timeline(row),
      slot: slot && { start: iso(slot.slot_start)!, end: iso(slot.slot_end)! },
      created_at: iso(row.created_at)!,
    }
  }

  // ---- schedules and slots ------------------------------------------------------------------

  @InjectManager()
  async scheduleOf(
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ rules: ScheduleRuleRow[]; exceptions: ScheduleExceptionRow[] }> {
    const sql = this.sql(context)
    const rules = await sql.execute<ScheduleRuleRow>(
      `select ${RULE_COLUMNS} from consultation_schedule_rule
       where doctor_id = ? and deleted_at is null order by weekday, start_time, id`,
      [doctorId]
    )
    const exceptions = await sql.execute<ScheduleExceptionRow>(
      `select ${EXCEPTION_COLUMNS} from consultation_schedule_exception
       where doctor_id = ? and deleted_at is null order by date, start_time nulls first, id
       limit 500`,
      [doctorId]
    )
    return { rules, exceptions }
  }

  presentScheduleRule(r: ScheduleRuleRow) {
    return {
      id: r.id,
      weekday: r.weekday,
      start: r.start_time,
      end: r.end_time,
      slot_minutes: r.slot_minutes,
      modes: r.modes,
      capacity: r.capacity,
    }
  }

  presentScheduleException(e: ScheduleExceptionRow) {
    return {
      id: e.id,
      date: e.date,
      kind: e.kind,
      start: e.start_time,
      end: e.end_time,
      slot_minutes: e.slot_minutes,
      modes: e.modes,
      capacity: e.capacity,
      note: e.note,
    }
  }

  /** The doctor saves their whole week: the old windows are replaced by these. */
  @InjectTransactionManager()
  async replaceWeeklyRules(
    doctorId: string,
    rules: ScheduleRule[],
    @MedusaContext() context: Context = {}
  ): Promise<ScheduleRuleRow[]> {
    const overlap = overlappingRules(rules)
    if (overlap) throw invalid(overlap)
    const sql = this.sql(context)
    await sql.execute(`delete from consultation_schedule_rule where doctor_id = ?`, [doctorId])
    for (const rule of rules) {
      await sql.execute(
        `insert into consultation_schedule_rule (id, doctor_id, weekday, start_time, end_time,
           slot_minutes, modes, capacity) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)`,
        [
          generateEntityId("", "csrule"),
          doctorId,
          rule.weekday,
          rule.start,
          rule.end,
          rule.slot_minutes,
          JSON.stringify(rule.modes),
          rule.capacity,
        ]
      )
    }
    return (await this.scheduleOf(doctorId, context)).rules
  }

  @InjectTransactionManager()
  async addScheduleException(
    doctorId: string,
    input: ScheduleException & { note: string | null },
    @MedusaContext() context: Context = {}
  ): Promise<ScheduleExceptionRow> {
    const [row] = await this.sql(context).execute<ScheduleExceptionRow>(
      `insert into consultation_schedule_exception (id, doctor_id, date, kind, start_time,
         end_time, slot_minutes, modes, capacity, note)
       values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) returning ${EXCEPTION_COLUMNS}`,
      [
        generateEntityId("", "csexc"),
        doctorId,
        input.date,
        input.kind,
        input.start,
        input.end,
        input.slot_minutes,
        input.modes ? JSON.stringify(input.modes) : null,
        input.capacity,
        input.note,
      ]
    )
    return row
  }

  /** Removes one of the doctor's exceptions; another doctor's is 404. */
  @InjectTransactionManager()
  async removeScheduleException(
    doctorId: string,
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    const rows = await this.sql(context).execute(
      `update consultation_schedule_exception set deleted_at = now(), updated_at = now()
       where id = ? and doctor_id = ? and deleted_at is null returning id`,
      [id, doctorId]
    )
    if (!rows.length) throw notFound("没有找到这条排班例外")
  }

  /**
   * Slots of the doctor starting in [from, to) and after `now`, each with the seats left; full
   * slots are left out. Asia/Shanghai days, no daylight saving.
   */
  @InjectManager()
  async slotsOf(
    doctorId: string,
    range: { from: Date; to: Date; now: Date },
    @MedusaContext() context: Context = {}
  ): Promise<SlotView[]> {
    const from = range.from > range.now ? range.from : range.now
    if (from >= range.to) return []
    const slots = await this.generatedSlots(doctorId, from, range.to, context)
    const held = await this.sql(context).execute<{ slot_start: Date | string; taken: number }>(
      `select slot_start, count(*)::int as taken from consultation_slot_booking
       where doctor_id = ? and slot_start >= ? and slot_start < ? and released_at is null
         and deleted_at is null group by slot_start`,
      [doctorId, from, range.to]
    )
    const taken = new Map(held.map((h) => [iso(h.slot_start)!, Number(h.taken)]))
    return slots
      .map((slot) => ({ ...slot, remaining: slot.capacity - (taken.get(slot.start) ?? 0) }))
      .filter((slot) => slot.remaining > 0)
  }

  /** The slot a phone or video booking asks for, if the doctor offers it for that mode now. */
  @InjectManager()
  async offeredSlot(
    doctorId: string,
    start: Date,
    mode: SlotMode,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<{ start: Date; end: Date; capacity: number } | null> {
    if (start <= now) return null
    const [slot] = await this.generatedSlots(
      doctorId,
      start,
      new Date(start.getTime() + 1),
      context
    )
    return slot?.start === start.toISOString() && slot.modes.includes(mode)
      ? { start, end: new Date(slot.end), capacity: slot.capacity }
      : null
  }

  /** The schedule's slots starting in [from, to), seats not counted. */
  private async generatedSlots(doctorId: string, from: Date, to: Date, context: Context) {
    const { rules, exceptions } = await this.scheduleOf(doctorId, context)
    return generateSlots(
      rules.map((r) => ({
        weekday: r.weekday,
        start: r.start_time,
        end: r.end_time,
        slot_minutes: r.slot_minutes,
        modes: r.modes,
        capacity: r.capacity,
      })),
      exceptions.map((e) => ({
        date: e.date,
        kind: e.kind,
        start: e.start_time,
        end: e.end_time,
        slot_minutes: e.slot_minutes,
        modes: e.modes,
        capacity: e.capacity,
      })),
      from,
      to
    )
  }

  /** The slot each of these consultations booked (held or since released), by consultation id. */
  @InjectManager()
  async slotBookingsOf(
    consultationIds: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, SlotBookingRow>> {
    if (!consultationIds.length) return new Map()
    const rows = await this.sql(context).execute<SlotBookingRow>(
      `select distinct on (consultation_id) ${BOOKING_COLUMNS} from consultation_slot_booking
       where consultation_id in (${consultationIds.map(() => "?").join(", ")})
         and deleted_at is null
       order by consultation_id, created_at desc`,
      consultationIds
    )
    return new Map(rows.map((row) => [row.consultation_id, row]))
  }

  /** Frees the seats of cancelled or refunded consultations (and of a rolled-back booking). */
  @InjectTransactionManager()
  async releaseSeats(consultationIds: string[], @MedusaContext() context: Context = {}) {
    if (!consultationIds.length) return
    await this.sql(context).execute(
      `update consultation_slot_booking set released_at = now(), updated_at = now()
       where consultation_id in (${consultationIds.map(() => "?").join(", ")})
         and released_at is null and deleted_at is null`,
      consultationIds
    )
  }

  // ---- patients and follow-ups -------------------------------------------------------------

  /** The members this doctor has consulted (paid consultations), most recent first. */
  @InjectManager()
  async patientsOf(
    doctorId: string,
    @MedusaContext() context: Context = {}
  ): Promise<PatientSummary[]> {
    const rows = await this.sql(context).execute<{
      customer_id: string
      consultations: number
      last_consulted_at: Date | string
    }>(
      `select customer_id, count(*)::int as consultations, max(paid_at) as last_consulted_at
       from consultation where doctor_id = ? and paid_at is not null and deleted_at is null
       group by customer_id order by max(paid_at) desc limit 500`,
      [doctorId]
    )
    return rows.map((r) => ({
      customer_id: r.customer_id,
      consultations: Number(r.consultations),
      last_consulted_at: iso(r.last_consulted_at)!,
    }))
  }

  /** The doctor's paid consultations with one member, newest first; none means not their patient. */
  @InjectManager()
  async consultationsWithPatient(
    doctorId: string,
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow[]> {
    const rows = await this.sql(context).execute<ConsultationRow>(
      `select ${CONSULTATION_COLUMNS} from consultation
       where doctor_id = ? and customer_id = ? and paid_at is not null and deleted_at is null
       order by paid_at desc, id desc limit 200`,
      [doctorId, customerId]
    )
    if (!rows.length) throw notFound("没有找到这位患者")
    return rows
  }

  @InjectTransactionManager()
  async addPatientNote(
    doctorId: string,
    customerId: string,
    text: string,
    @MedusaContext() context: Context = {}
  ): Promise<PatientNoteRow> {
    await this.consultationsWithPatient(doctorId, customerId, context)
    const sealed = this.cipher.seal(text)
    const [row] = await this.sql(context).execute<PatientNoteRow>(
      `insert into consultation_patient_note (id, doctor_id, customer_id, note_ciphertext, key_id)
       values (?, ?, ?, ?, ?) returning ${NOTE_COLUMNS}`,
      [generateEntityId("", "consnote"), doctorId, customerId, sealed.ciphertext, sealed.key_id]
    )
    return row
  }

  @InjectManager()
  async patientNotes(
    doctorId: string,
    customerId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ id: string; text: string; created_at: string }[]> {
    const rows = await this.sql(context).execute<PatientNoteRow>(
      `select ${NOTE_COLUMNS} from consultation_patient_note
       where doctor_id = ? and customer_id = ? and deleted_at is null
       order by created_at desc, id desc limit 200`,
      [doctorId, customerId]
    )
    return rows.map((row) => this.presentPatientNote(row))
  }

  presentPatientNote(row: PatientNoteRow) {
    return {
      id: row.id,
      text: this.cipher.open({ key_id: row.key_id, ciphertext: row.note_ciphertext }),
      created_at: iso(row.created_at)!,
    }
  }

  /** A follow-up for the doctor's patient; `consultation_id`, when given, must be theirs together. */
  @InjectTransactionManager()
  async scheduleFollowUp(
    input: {
      doctor_id: string
      customer_id: string
      consultation_id: string | null
      due_date: string
      note: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<FollowUpRow> {
    const history = await this.consultationsWithPatient(input.doctor_id, input.customer_id, context)
    if (input.consultation_id && !history.some((c) => c.id === input.consultation_id)) {
      throw invalid("请选择与这位患者的问诊")
    }
    const sealed = this.cipher.seal(input.note)
    const [row] = await this.sql(context).execute<FollowUpRow>(
      `insert into consultation_follow_up (id, doctor_id, customer_id, consultation_id, due_date,
         note_ciphertext, key_id)
       values (?, ?, ?, ?, ?, ?, ?) returning ${FOLLOW_UP_COLUMNS}`,
      [
        generateEntityId("", "consfu"),
        input.doctor_id,
        input.customer_id,
        input.consultation_id,
        input.due_date,
        sealed.ciphertext,
        sealed.key_id,
      ]
    )
    return row
  }

  /** Compensation of scheduleFollowUp. */
  @InjectTransactionManager()
  async removeFollowUp(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(`delete from consultation_follow_up where id = ?`, [id])
  }

  /** Follow-ups of a member (`doctorId`: only that doctor's), soonest first. */
  @InjectManager()
  async followUpsOf(
    customerId: string,
    doctorId?: string,
    @MedusaContext() context: Context = {}
  ): Promise<FollowUpRow[]> {
    return this.sql(context).execute<FollowUpRow>(
      `select ${FOLLOW_UP_COLUMNS} from consultation_follow_up
       where customer_id = ? ${doctorId ? "and doctor_id = ?" : ""} and deleted_at is null
       order by due_date, created_at limit 200`,
      doctorId ? [customerId, doctorId] : [customerId]
    )
  }

  @InjectManager()
  async followUp(id: string, @MedusaContext() context: Context = {}): Promise<FollowUpRow | null> {
    const [row] = await this.sql(context).execute<FollowUpRow>(
      `select ${FOLLOW_UP_COLUMNS} from consultation_follow_up where id = ? and deleted_at is null`,
      [id]
    )
    return row ?? null
  }

  /** Marks the reminder sent, once: only the first of two racing jobs gets true. */
  @InjectTransactionManager()
  async markFollowUpReminded(id: string, @MedusaContext() context: Context = {}) {
    const rows = await this.sql(context).execute(
      `update consultation_follow_up set reminded_at = now(), updated_at = now()
       where id = ? and reminded_at is null and deleted_at is null returning id`,
      [id]
    )
    return rows.length > 0
  }

  presentFollowUp(row: FollowUpRow): FollowUpView {
    return {
      id: row.id,
      doctor_id: row.doctor_id,
      consultation_id: row.consultation_id,
      due_date: row.due_date,
      note: this.cipher.open({ key_id: row.key_id, ciphertext: row.note_ciphertext }),
      reminded_at: iso(row.reminded_at),
      created_at: iso(row.created_at)!,
    }
  }

  // ---- 电话问诊: privacy-number bindings and call records -------------------------------------

  /** The consultation's live binding (not released, not expired at `now`), if any. */
  @InjectManager()
  async liveBinding(
    consultationId: string,
    now: Date,
    @MedusaContext() context: Context = {}
  ): Promise<{
    id: string
    vendor: string
    subs_id: string
    secret_no: string
    expires_at: Date
  } | null> {
    const [row] = await this.sql(context).execute<{
      id: string
      vendor: string
      subs_id: string
      secret_no: string
      expires_at: Date
    }>(
      `select id, vendor, subs_id, secret_no, expires_at from consultation_phone_binding
       where consultation_id = ? and released_at is null and deleted_at is null and expires_at > ?`,
      [consultationId, now]
    )
    return row ?? null
  }

  /**
   * Keeps a new binding as the consultation's one live binding; an expired one is released
   * first. A binding made by a racing call is refused (409) and the caller unbinds its own.
   */
  @InjectTransactionManager()
  async recordBinding(
    input: {
      consultation_id: string
      vendor: string
      subs_id: string
      secret_no: string
      expires_at: Date
    },
    @MedusaContext() context: Context = {}
  ) {
    const sql = this.sql(context)
    await sql.execute(
      `update consultation_phone_binding set released_at = now(), updated_at = now()
       where consultation_id = ? and released_at is null and expires_at <= now()`,
      [input.consultation_id]
    )
    const rows = await sql.execute(
      `insert into consultation_phone_binding (id, consultation_id, vendor, subs_id, secret_no,
         expires_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing returning id`,
      [
        generateEntityId("", "consbind"),
        input.consultation_id,
        input.vendor,
        input.subs_id,
        input.secret_no,
        input.expires_at,
      ]
    )
    if (!rows.length) throw conflict("正在为这次问诊分配隐私号码，请稍后再试")
  }

  /** Marks the live binding released and answers it (for the provider's unbind), once. */
  @InjectTransactionManager()
  async releaseBinding(
    consultationId: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ subs_id: string; secret_no: string } | null> {
    const [row] = await this.sql(context).execute<{ subs_id: string; secret_no: string }>(
      `update consultation_phone_binding set released_at = now(), updated_at = now()
       where consultation_id = ? and released_at is null and deleted_at is null
       returning subs_id, secret_no`,
      [consultationId]
    )
    return row ?? null
  }

  /** Records a reported call of a binding this consultation had; a replay records nothing. */
  @InjectTransactionManager()
  async recordCall(
    input: {
      consultation_id: string
      subs_id: string
      call_id: string
      call_type: string
      started_at: string | null
      ended_at: string | null
      duration_seconds: number
      release_cause: string | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const sql = this.sql(context)
    const known = await sql.execute(
      `select 1 from consultation_phone_binding where consultation_id = ? and subs_id = ?
         and deleted_at is null`,
      [input.consultation_id, input.subs_id]
    )
    if (!known.length) return false
    const rows = await sql.execute(
      `insert into consultation_call_record (id, consultation_id, call_id, call_type, started_at,
         ended_at, duration_seconds, release_cause) values (?, ?, ?, ?, ?, ?, ?, ?)
       on conflict do nothing returning id`,
      [
        generateEntityId("", "conscall"),
        input.consultation_id,
        input.call_id,
        input.call_type,
        input.started_at,
        input.ended_at,
        input.duration_seconds,
        input.release_cause,
      ]
    )
    return rows.length > 0
  }

  @InjectManager()
  async callsOf(
    consultationId: string,
    @MedusaContext() context: Context = {}
  ): Promise<
    { id: string; started_at: string | null; ended_at: string | null; duration_seconds: number }[]
  > {
    const rows = await this.sql(context).execute<{
      id: string
      started_at: Date | null
      ended_at: Date | null
      duration_seconds: number
    }>(
      `select id, started_at, ended_at, duration_seconds from consultation_call_record
       where consultation_id = ? and deleted_at is null order by started_at nulls last, id`,
      [consultationId]
    )
    return rows.map((r) => ({
      id: r.id,
      started_at: iso(r.started_at),
      ended_at: iso(r.ended_at),
      duration_seconds: Number(r.duration_seconds),
    }))
  }

  // ---- messages and attachments ---------------------------------------------------------

  /** A message; an attachment must be one the sender uploaded to this consultation. */
  @InjectTransactionManager()
  async recordMessage(
    input: {
      consultation_id: string
      sender_type: MessageSender
      sender_id: string
      text: string | null
      attachment_id: string | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationMessageRow> {
    if (!input.text && !input.attachment_id) throw invalid("请输入消息内容或选择一个附件")
    if (input.attachment_id) {
      const attachment = await this.attachmentRow(
        input.consultation_id,
        input.attachment_id,
        context
      )
      if (
        !attachment ||
        attachment.uploader_type !== input.sender_type ||
        attachment.uploader_id !== input.sender_id
      ) {
        throw invalid("附件不存在或已失效，请重新上传")
      }
    }
    const sealed = input.text ? this.cipher.seal(input.text) : null
    const [row] = await this.sql(context).execute<ConsultationMessageRow>(
      `insert into consultation_message (id, consultation_id, sender_type, sender_id,
         text_ciphertext, key_id, attachment_id, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp())
       returning ${MESSAGE_COLUMNS}`,
      [
        generateEntityId("", "consmsg"),
        input.consultation_id,
        input.sender_type,
        input.sender_id,
        sealed?.ciphertext ?? null,
        sealed?.key_id ?? null,
        input.attachment_id,
      ]
    )
    return row
  }

  /** Compensation of recordMessage. */
  @InjectTransactionManager()
  async removeMessage(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(`delete from consultation_message where id = ?`, [id])
  }

  /** Messages oldest first; with `after` (a message id of this consultation) the later ones. */
  @InjectManager()
  async messagesOf(
    consultationId: string,
    after: string | null,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationMessageRow[]> {
    return conversationMessages(this.sql(context), MESSAGES, consultationId, after)
  }

  @InjectManager()
  async latestMessageId(
    consultationId: string,
    @MedusaContext() context: Context = {}
  ): Promise<string | null> {
    return latestConversationMessageId(this.sql(context), MESSAGES, consultationId)
  }

  /** Whether the doctor has written in this consultation (their first reply takes it). */
  @InjectManager()
  async doctorHasReplied(
    consultationId: string,
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const rows = await this.sql(context).execute(
      `select 1 from consultation_message where consultation_id = ? and sender_type = 'doctor'
         and deleted_at is null limit 1`,
      [consultationId]
    )
    return rows.length > 0
  }

  @InjectManager()
  async presentMessages(
    rows: ConsultationMessageRow[],
    attachmentUrl: (attachmentId: string) => string,
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationMessageView[]> {
    const ids = [...new Set(rows.map((row) => row.attachment_id).filter(Boolean))] as string[]
    const attachments = ids.length
      ? await this.sql(context).execute<AttachmentRow>(
          `select ${ATTACHMENT_COLUMNS} from consultation_attachment
           where id in (${ids.map(() => "?").join(", ")})`,
          ids
        )
      : []
    const byId = new Map(attachments.map((a) => [a.id, a]))
    return rows.map((row) => {
      const attachment = row.attachment_id ? byId.get(row.attachment_id) : undefined
      return {
        id: row.id,
        from: row.sender_type,
        text:
          row.text_ciphertext && row.key_id
            ? this.cipher.open({ key_id: row.key_id, ciphertext: row.text_ciphertext })
            : null,
        attachment: attachment
          ? {
              id: attachment.id,
              mime_type: attachment.mime_type,
              url: attachmentUrl(attachment.id),
            }
          : null,
        created_at: iso(row.created_at)!,
      }
    })
  }

  @InjectTransactionManager()
  async recordAttachment(
    input: Omit<AttachmentRow, "id" | "created_at">,
    @MedusaContext() context: Context = {}
  ): Promise<AttachmentRow> {
    const [row] = await this.sql(context).execute<AttachmentRow>(
      `insert into consultation_attachment (id, consultation_id, uploader_type, uploader_id,
         mime_type, size, file_id, key_id)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning ${ATTACHMENT_COLUMNS}`,
      [
        generateEntityId("", "consatt"),
        input.consultation_id,
        input.uploader_type,
        input.uploader_id,
        input.mime_type,
        input.size,
        input.file_id,
        input.key_id,
      ]
    )
    return row
  }

  /** An attachment of the consultation, or 404 (another consultation's is as unknown). */
  @InjectManager()
  async attachmentOf(
    consultationId: string,
    attachmentId: string,
    @MedusaContext() context: Context = {}
  ): Promise<AttachmentRow> {
    const row = await this.attachmentRow(consultationId, attachmentId, context)
    if (!row) throw notFound("没有找到这个附件")
    return row
  }

  // ---- archive items shared with the doctor ------------------------------------------------

  /** Shares an item (already checked to be the member's); sharing it again is a no-op. */
  @InjectTransactionManager()
  async shareItem(
    input: {
      consultation_id: string
      customer_id: string
      item_type: "report" | "upload"
      item_id: string
    },
    @MedusaContext() context: Context = {}
  ): Promise<SharedItemRow> {
    const sql = this.sql(context)
    await sql.execute(
      `insert into consultation_shared_item (id, consultation_id, customer_id, item_type, item_id)
       values (?, ?, ?, ?, ?)
       on conflict (consultation_id, item_type, item_id) where deleted_at is null
       do update set withdrawn_at = null, updated_at = now()`,
      [
        generateEntityId("", "consshr"),
        input.consultation_id,
        input.customer_id,
        input.item_type,
        input.item_id,
      ]
    )
    const [row] = await sql.execute<SharedItemRow>(
      `select ${SHARED_COLUMNS} from consultation_shared_item
       where consultation_id = ? and item_type = ? and item_id = ? and deleted_at is null`,
      [input.consultation_id, input.item_type, input.item_id]
    )
    return row
  }

  /** The member takes an item back: the doctor can no longer open it. */
  @InjectTransactionManager()
  async withdrawShare(
    consultationId: string,
    shareId: string,
    @MedusaContext() context: Context = {}
  ): Promise<SharedItemRow> {
    const [row] = await this.sql(context).execute<SharedItemRow>(
      `update consultation_shared_item set withdrawn_at = coalesce(withdrawn_at, now()),
         updated_at = now()
       where id = ? and consultation_id = ? and deleted_at is null returning ${SHARED_COLUMNS}`,
      [shareId, consultationId]
    )
    if (!row) throw notFound("没有找到这份共享资料")
    return row
  }

  @InjectManager()
  async sharedItems(
    consultationId: string,
    options: { current?: boolean } = {},
    @MedusaContext() context: Context = {}
  ): Promise<SharedItemRow[]> {
    return this.sql(context).execute<SharedItemRow>(
      `select ${SHARED_COLUMNS} from consultation_shared_item
       where consultation_id = ? and deleted_at is null
       ${options.current ? "and withdrawn_at is null" : ""} order by created_at, id`,
      [consultationId]
    )
  }

  /** A share the doctor may open now (not withdrawn), or 404. */
  @InjectManager()
  async currentShare(
    consultationId: string,
    shareId: string,
    @MedusaContext() context: Context = {}
  ): Promise<SharedItemRow> {
    const [row] = await this.sql(context).execute<SharedItemRow>(
      `select ${SHARED_COLUMNS} from consultation_shared_item
       where id = ? and consultation_id = ? and withdrawn_at is null and deleted_at is null`,
      [shareId, consultationId]
    )
    if (!row) throw notFound("没有找到这份共享资料，或会员已收回")
    return row
  }

  private async attachmentRow(
    consultationId: string,
    attachmentId: string,
    context: Context
  ): Promise<AttachmentRow | null> {
    const [row] = await this.sql(context).execute<AttachmentRow>(
      `select ${ATTACHMENT_COLUMNS} from consultation_attachment
       where id = ? and consultation_id = ? and deleted_at is null`,
      [attachmentId, consultationId]
    )
    return row ?? null
  }

  private sql(context: Context): Sql {
    return contextSql(context, "consultation")
  }
}

export default ConsultationModuleService
