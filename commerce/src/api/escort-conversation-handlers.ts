import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SealedFileStore } from "../lib/health-files/sealed-file-store"
import { checkMessageImage } from "../modules/escort-messaging/rules/message-limits"
import { recordEscortUploadWorkflow } from "../workflows/escort-messaging/record-escort-upload"
import { sendEscortMessageWorkflow } from "../workflows/escort-messaging/send-escort-message"
import {
  requireFilesVisible,
  requireOpenConversation,
  type Conversation,
} from "./escort-conversation-request"
import { sendFile } from "./health-archive-request"

/**
 * What the member's and the escort's message routes do alike, once they know whose
 * conversation it is (the routes differ only in how the party is signed in).
 */

type MessageBody = { text: string | null; image_upload_id: string | null }

/** The messages, oldest first (after `after`); an ended task shows the escort no pictures. */
export async function listConversationMessages(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  conversation: Conversation
) {
  const { messaging, booking, filesVisible, imageUrl } = conversation
  const after = (req.validatedQuery as { after?: string | null } | undefined)?.after ?? null
  const rows = await messaging.messagesOf(booking.id, after)
  res.json({
    messages: rows.map((row) =>
      messaging.presentMessage(row, (uploadId) => (filesVisible ? imageUrl(uploadId) : null))
    ),
  })
}

export async function sendConversationMessage(
  req: AuthenticatedMedusaRequest<MessageBody>,
  res: MedusaResponse,
  conversation: Conversation
) {
  requireOpenConversation(conversation)
  const { messaging, booking, reader, imageUrl } = conversation
  const { result } = await sendEscortMessageWorkflow(req.scope).run({
    input: {
      booking_id: booking.id,
      sender_type: reader.type,
      sender_id: reader.id,
      text: req.validatedBody.text,
      image_upload_id: req.validatedBody.image_upload_id,
    },
  })
  res.status(201).json({ message: messaging.presentMessage(result, imageUrl) })
}

/** A picture (multipart `file`), sealed before it is recorded; send it with a message next. */
export async function uploadConversationImage(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  conversation: Conversation
) {
  requireOpenConversation(conversation)
  const { booking, reader } = conversation
  const image = checkMessageImage((req as unknown as { file?: { buffer: Buffer } }).file)
  const { file_id, key_id } = await new SealedFileStore(req.scope.resolve(Modules.FILE)).put(
    image.bytes
  )
  const { result } = await recordEscortUploadWorkflow(req.scope).run({
    input: {
      booking_id: booking.id,
      // Only the member's and the escort's routes upload; staff read.
      uploader_type: reader.type as "member" | "escort",
      uploader_id: reader.id,
      mime_type: image.mime_type,
      size: image.bytes.length,
      file_id,
      key_id,
    },
  })
  res.status(201).json({ upload: { id: result.id } })
}

/** A picture of the booking, decrypted for one of its parties or staff; never cached. */
export async function sendConversationImage(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  conversation: Conversation
) {
  requireFilesVisible(conversation)
  const upload = await conversation.messaging.bookingUpload(
    conversation.booking.id,
    req.params.upload_id
  )
  const bytes = await new SealedFileStore(req.scope.resolve(Modules.FILE)).get(upload)
  const extension = upload.mime_type.split("/")[1] ?? "bin"
  sendFile(res as never, {
    bytes,
    mime_type: upload.mime_type,
    filename: `${upload.id}.${extension}`,
  })
}
