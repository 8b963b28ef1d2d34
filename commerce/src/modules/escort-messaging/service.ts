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
import {
  conversationMessages,
  latestConversationMessageId,
  type MessageTable,
} from "../../lib/database/conversation-messages"
import { EscortMessage } from "./models/escort-message"
import { EscortServiceReport } from "./models/escort-service-report"
import { EscortUpload } from "./models/escort-upload"
import type {
  EscortMessageRow,
  EscortMessageView,
  EscortUploadRow,
  MessageSender,
  NewServiceReport,
  ServiceReportRow,
  ServiceReportView,
} from "./types"

export * from "./types"

const notFound = (message: string) => new MedusaError(MedusaError.Types.NOT_FOUND, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const MESSAGE_COLUMNS = `id, booking_id, sender_type, sender_id, text_ciphertext, key_id,
  image_upload_id, created_at`
const UPLOAD_COLUMNS = `id, booking_id, uploader_type, uploader_id, mime_type, size, file_id,
  key_id, archived_upload_id, created_at`
const REPORT_COLUMNS = `id, booking_id, escort_id, payload_ciphertext, key_id,
  document_upload_ids, created_at`

/** How many messages one read answers; `after` pages on. */
export const MESSAGES_PAGE = 200

const MESSAGES: MessageTable = {
  table: "escort_message",
  conversationColumn: "booking_id",
  columns: MESSAGE_COLUMNS,
  pageSize: MESSAGES_PAGE,
}

const iso = (value: Date | string) => new Date(value).toISOString()

/**
 * 陪诊 conversations: messages between a booking's member and its escort, their pictures
 * (sealed files) and the escort's service report. Bookings live in the escort module and
 * are referred to by id; who may read or write is decided by the caller from the booking.
 */
class EscortMessagingModuleService extends MedusaService({
  EscortMessage,
  EscortUpload,
  EscortServiceReport,
}) {
  protected readonly cipher: FieldCipher = fieldCipherFromEnv()

  /**
   * Records a message (text already masked). A picture must be one the sender uploaded to
   * this booking. clock_timestamp() orders messages as they were written.
   */
  @InjectTransactionManager()
  async recordMessage(
    input: {
      booking_id: string
      sender_type: MessageSender
      sender_id: string
      text: string | null
      image_upload_id: string | null
    },
    @MedusaContext() context: Context = {}
  ): Promise<EscortMessageRow> {
    if (!input.text && !input.image_upload_id) throw invalid("请输入消息内容或选择一张图片")
    if (input.image_upload_id) {
      const upload = await this.uploadRow(input.booking_id, input.image_upload_id, context)
      if (
        !upload ||
        upload.uploader_type !== input.sender_type ||
        upload.uploader_id !== input.sender_id
      ) {
        throw invalid("图片不存在或已失效，请重新选择图片")
      }
    }
    const sealed = input.text ? this.cipher.seal(input.text) : null
    const id = generateEntityId("", "escmsg")
    await this.sql(context).execute(
      `insert into escort_message (id, booking_id, sender_type, sender_id, text_ciphertext,
         key_id, image_upload_id, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, clock_timestamp(), clock_timestamp())`,
      [
        id,
        input.booking_id,
        input.sender_type,
        input.sender_id,
        sealed?.ciphertext ?? null,
        sealed?.key_id ?? null,
        input.image_upload_id,
      ]
    )
    const [row] = await this.sql(context).execute<EscortMessageRow>(
      `select ${MESSAGE_COLUMNS} from escort_message where id = ?`,
      [id]
    )
    return row
  }

  /** Compensation of recordMessage. */
  @InjectTransactionManager()
  async removeMessage(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(`delete from escort_message where id = ?`, [id])
  }

  /**
   * A booking's messages, oldest first; with `after` (a message id of this booking) only the
   * ones written after it. An id the booking does not have reads from the start.
   */
  @InjectManager()
  async messagesOf(
    bookingId: string,
    after: string | null,
    @MedusaContext() context: Context = {}
  ): Promise<EscortMessageRow[]> {
    return conversationMessages(this.sql(context), MESSAGES, bookingId, after)
  }

  /** The booking's newest message id, where a live stream starts. */
  @InjectManager()
  async latestMessageId(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<string | null> {
    return latestConversationMessageId(this.sql(context), MESSAGES, bookingId)
  }

  /** A message as the contract answers it; `imageUrl` says where this reader fetches pictures. */
  presentMessage(
    row: EscortMessageRow,
    imageUrl: (uploadId: string) => string | null
  ): EscortMessageView {
    return {
      id: row.id,
      from: row.sender_type,
      text:
        row.text_ciphertext && row.key_id
          ? this.cipher.open({ key_id: row.key_id, ciphertext: row.text_ciphertext })
          : null,
      image_url: row.image_upload_id ? imageUrl(row.image_upload_id) : null,
      created_at: iso(row.created_at),
    }
  }

  @InjectTransactionManager()
  async recordUpload(
    input: Omit<EscortUploadRow, "id" | "archived_upload_id" | "created_at">,
    @MedusaContext() context: Context = {}
  ): Promise<EscortUploadRow> {
    const id = generateEntityId("", "escupl")
    const [row] = await this.sql(context).execute<EscortUploadRow>(
      `insert into escort_upload (id, booking_id, uploader_type, uploader_id, mime_type, size,
         file_id, key_id)
       values (?, ?, ?, ?, ?, ?, ?, ?) returning ${UPLOAD_COLUMNS}`,
      [
        id,
        input.booking_id,
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

  /** An upload of the booking, or 404: another booking's id is as unknown as a made-up one. */
  @InjectManager()
  async bookingUpload(
    bookingId: string,
    uploadId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortUploadRow> {
    const row = await this.uploadRow(bookingId, uploadId, context)
    if (!row) throw notFound("没有找到这张图片")
    return row
  }

  /**
   * The report, once per booking: a second one is 409 (the unique index decides, so two
   * submissions at once also leave one). Its documents must be the escort's uploads of
   * this booking.
   */
  @InjectTransactionManager()
  async recordReport(
    bookingId: string,
    escortId: string,
    report: NewServiceReport,
    @MedusaContext() context: Context = {}
  ): Promise<ServiceReportRow> {
    const documentIds = [...new Set(report.document_upload_ids)]
    for (const uploadId of documentIds) {
      const upload = await this.uploadRow(bookingId, uploadId, context)
      if (!upload || upload.uploader_type !== "escort" || upload.uploader_id !== escortId) {
        throw invalid("报告里的照片不存在或不是本次服务上传的，请重新上传")
      }
    }
    const sealed = this.cipher.sealJson({
      steps: report.steps,
      doctor_advice: report.doctor_advice,
    })
    const [row] = await this.sql(context).execute<ServiceReportRow>(
      `insert into escort_service_report (id, booking_id, escort_id, payload_ciphertext, key_id,
         document_upload_ids)
       values (?, ?, ?, ?, ?, ?::jsonb)
       on conflict (booking_id) where deleted_at is null do nothing
       returning ${REPORT_COLUMNS}`,
      [
        generateEntityId("", "escrpt"),
        bookingId,
        escortId,
        sealed.ciphertext,
        sealed.key_id,
        JSON.stringify(documentIds),
      ]
    )
    if (!row) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "服务报告已提交，不能重复提交")
    }
    return row
  }

  /** Compensation of recordReport. */
  @InjectTransactionManager()
  async removeReport(id: string, @MedusaContext() context: Context = {}) {
    await this.sql(context).execute(`delete from escort_service_report where id = ?`, [id])
  }

  @InjectManager()
  async reportOf(
    bookingId: string,
    @MedusaContext() context: Context = {}
  ): Promise<ServiceReportRow | null> {
    const [row] = await this.sql(context).execute<ServiceReportRow>(
      `select ${REPORT_COLUMNS} from escort_service_report
       where booking_id = ? and deleted_at is null`,
      [bookingId]
    )
    return row ?? null
  }

  /** The report as it reads, each document with its picture's URL for this reader. */
  @InjectManager()
  async presentReport(
    row: ServiceReportRow,
    imageUrl: (uploadId: string) => string,
    @MedusaContext() context: Context = {}
  ): Promise<ServiceReportView> {
    const payload = this.cipher.openJson<Pick<ServiceReportView, "steps" | "doctor_advice">>({
      key_id: row.key_id,
      ciphertext: row.payload_ciphertext,
    })
    const ids = row.document_upload_ids ?? []
    const uploads = ids.length
      ? await this.sql(context).execute<EscortUploadRow>(
          `select ${UPLOAD_COLUMNS} from escort_upload
           where booking_id = ? and id in (${ids.map(() => "?").join(", ")})`,
          [row.booking_id, ...ids]
        )
      : []
    const byId = new Map(uploads.map((upload) => [upload.id, upload]))
    return {
      id: row.id,
      booking_id: row.booking_id,
      steps: payload.steps,
      doctor_advice: payload.doctor_advice,
      documents: ids
        .filter((id) => byId.has(id))
        .map((id) => ({
          id,
          image_url: imageUrl(id),
          archived_upload_id: byId.get(id)!.archived_upload_id,
        })),
      created_at: iso(row.created_at),
    }
  }

  /** A document of the booking's report, or 404. */
  @InjectManager()
  async reportDocument(
    bookingId: string,
    documentId: string,
    @MedusaContext() context: Context = {}
  ): Promise<EscortUploadRow> {
    const report = await this.reportOf(bookingId, context)
    if (!report || !(report.document_upload_ids ?? []).includes(documentId)) {
      throw notFound("没有找到这份报告资料")
    }
    return this.bookingUpload(bookingId, documentId, context)
  }

  /** Records the archive item a document became; false when it already had one. */
  @InjectTransactionManager()
  async markArchived(
    uploadId: string,
    memberUploadId: string,
    @MedusaContext() context: Context = {}
  ): Promise<boolean> {
    const moved = await this.sql(context).execute(
      `update escort_upload set archived_upload_id = ?, updated_at = now()
       where id = ? and archived_upload_id is null returning id`,
      [memberUploadId, uploadId]
    )
    return moved.length > 0
  }

  /** Compensation of markArchived. */
  @InjectTransactionManager()
  async unmarkArchived(
    uploadId: string,
    memberUploadId: string,
    @MedusaContext() context: Context = {}
  ) {
    await this.sql(context).execute(
      `update escort_upload set archived_upload_id = null, updated_at = now()
       where id = ? and archived_upload_id = ?`,
      [uploadId, memberUploadId]
    )
  }

  private async uploadRow(
    bookingId: string,
    uploadId: string,
    context: Context
  ): Promise<EscortUploadRow | null> {
    const [row] = await this.sql(context).execute<EscortUploadRow>(
      `select ${UPLOAD_COLUMNS} from escort_upload
       where id = ? and booking_id = ? and deleted_at is null`,
      [uploadId, bookingId]
    )
    return row ?? null
  }

  private sql(context: Context): Sql {
    return contextSql(context, "escort-messaging")
  }
}

export default EscortMessagingModuleService
