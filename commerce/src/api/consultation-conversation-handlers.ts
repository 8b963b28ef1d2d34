import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { consultationChanges } from "../lib/consultation-live/consultation-change-channel"
import { MIME_TYPES, sniffFileType } from "../lib/files/sniff-file-type"
import { SealedFileStore } from "../lib/health-files/sealed-file-store"
import { streamTimeline } from "../lib/live/stream-timeline"
import {
  conversationOpen,
  CONSULTATION_STATUS_LABELS,
} from "../modules/consultation/rules/consultation-status"
import { MAX_MESSAGE_IMAGE_BYTES } from "../modules/escort-messaging/rules/message-limits"
import { sendConsultationMessageWorkflow } from "../workflows/consultation/send-consultation-message"
import type { ConsultationParty } from "./consultation-request"
import { sendFile } from "./health-archive-request"

/** What the member's and the doctor's routes do alike once they know whose consultation it is. */

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

export async function listConsultationMessages(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  party: ConsultationParty
) {
  const after = (req.validatedQuery as { after?: string | null } | undefined)?.after ?? null
  const rows = await party.consultations.messagesOf(party.consultation.id, after)
  res.json({ messages: await party.consultations.presentMessages(rows, party.attachmentUrl) })
}

export async function sendConsultationMessage(
  req: AuthenticatedMedusaRequest<{ text: string | null; attachment_id: string | null }>,
  res: MedusaResponse,
  party: ConsultationParty
) {
  const { result } = await sendConsultationMessageWorkflow(req.scope).run({
    input: {
      consultation_id: party.consultation.id,
      sender_type: party.reader.type,
      sender_id: party.reader.id,
      text: req.validatedBody.text,
      attachment_id: req.validatedBody.attachment_id,
    },
  })
  const [message] = await party.consultations.presentMessages([result], party.attachmentUrl)
  res.status(201).json({ message })
}

/**
 * A picture or PDF (multipart `file`, 5 MB), judged by its bytes, not its name or declared
 * type; sealed before it is recorded. Send it with a message next.
 */
export async function uploadConsultationAttachment(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  party: ConsultationParty
) {
  if (!conversationOpen(party.consultation.status)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `问诊当前为「${CONSULTATION_STATUS_LABELS[party.consultation.status]}」，不能发送附件`
    )
  }
  const file = (req as unknown as { file?: { buffer: Buffer } }).file
  if (!file?.buffer?.length) throw invalid("请选择要发送的图片或 PDF（表单字段 file）")
  const type = sniffFileType(file.buffer)
  if (type !== "jpeg" && type !== "png" && type !== "webp" && type !== "pdf") {
    throw invalid("只能发送 JPG、PNG、WebP 图片或 PDF 文件")
  }
  if (file.buffer.length > MAX_MESSAGE_IMAGE_BYTES) throw invalid("附件超过 5 MB，请压缩后再发送")
  const { file_id, key_id } = await new SealedFileStore(req.scope.resolve(Modules.FILE)).put(
    file.buffer
  )
  const row = await party.consultations.recordAttachment({
    consultation_id: party.consultation.id,
    uploader_type: party.reader.type,
    uploader_id: party.reader.id,
    mime_type: MIME_TYPES[type],
    size: file.buffer.length,
    file_id,
    key_id,
  })
  res.status(201).json({ attachment: { id: row.id, mime_type: row.mime_type } })
}

export async function sendConsultationAttachment(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  party: ConsultationParty
) {
  const attachment = await party.consultations.attachmentOf(
    party.consultation.id,
    req.params.attachment_id
  )
  const bytes = await new SealedFileStore(req.scope.resolve(Modules.FILE)).get(attachment)
  sendFile(res as never, {
    bytes,
    mime_type: attachment.mime_type,
    filename: `${attachment.id}.${attachment.mime_type.split("/")[1] ?? "bin"}`,
  })
}

/**
 * The consultation live, as Server-Sent Events: its status timeline (`timeline`, resumable by
 * Last-Event-ID) and each new message (`message`), on whichever instance wrote them.
 */
export async function streamConsultation(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  party: ConsultationParty
) {
  const { consultations, consultation } = party
  const header = req.headers["last-event-id"]
  const query = req.query.last_event_id
  const lastEventId =
    (typeof header === "string" && header) || (typeof query === "string" && query) || null
  await streamTimeline(res, {
    changes: consultationChanges(),
    bookingId: consultation.id,
    lastEventId,
    readEvents: async () =>
      consultations.timeline(await consultations.ownedConsultation(consultation.id)),
    messages: {
      latestId: () => consultations.latestMessageId(consultation.id),
      after: async (id) =>
        consultations.presentMessages(
          await consultations.messagesOf(consultation.id, id),
          party.attachmentUrl
        ),
    },
    logger: req.scope.resolve(ContainerRegistrationKeys.LOGGER),
  })
}
