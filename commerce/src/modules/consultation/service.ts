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
import { ConsultationMessage } from "./models/consultation-message"
import { ConsultationSharedItem } from "./models/consultation-shared-item"
import { ADVICE_DISCLAIMER, ADVICE_LABELS, type AdviceNote } from "./rules/advice-note"
import {
  CONSULTATION_STATUS_LABELS,
  QUEUE_TABS,
  type ConsultationStatus,
  type QueueTab,
} from "./rules/consultation-status"
import type { DoctorProfile } from "./rules/doctor-from-cms"
import type {
  AttachmentRow,
  ConsultationMessageRow,
  ConsultationMessageView,
  ConsultationMode,
  ConsultationRow,
  ConsultationView,
  DoctorRow,
  DoctorView,
  MessageSender,
  ModePrices,
  SharedItemRow,
  TimelineEvent,
} from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const conflict = (message: string) => new MedusaError(MedusaError.Types.CONFLICT, message)

const DOCTOR_COLUMNS = `id, cms_document_id, name, title, hospital, departments, specialties,
  introduction, photo_url, phone, license_number, license_verified_at, prices, weekly_schedule,
  on_duty`
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

  /** Staff checked the 执业证: the doctor may take consultations. Needs a licence number. */
  @InjectTransactionManager()
  async verifyLicense(
    id: string,
    at: Date,
    @MedusaContext() context: Context = {}
  ): Promise<DoctorRow> {
    const doctor = await this.doctorRow(id, context)
    if (!doctor.license_number) throw invalid("请先填写医生的执业证号，再标记为已核验")
    await this.sql(context).execute(
      `update consultation_doctor set license_verified_at = coalesce(license_verified_at, ?),
         updated_at = now() where id = ?`,
      [at, id]
    )
    return this.doctorRow(id, context)
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
    },
    @MedusaContext() context: Context = {}
  ): Promise<ConsultationRow> {
    const sealed = this.cipher.seal(input.question)
    const [row] = await this.sql(context).execute<ConsultationRow>(
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
    return row
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
    return rows.map((row) => row.id)
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

  presentConsultation(row: ConsultationRow, doctor: DoctorRow | null): ConsultationView {
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
      created_at: iso(row.created_at)!,
    }
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
