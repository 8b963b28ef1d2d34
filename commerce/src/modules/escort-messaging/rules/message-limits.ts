import { MedusaError } from "@medusajs/framework/utils"
import { MIME_TYPES, sniffFileType } from "../../../lib/files/sniff-file-type"

export const MAX_MESSAGE_TEXT_CHARS = 1000
export const MAX_MESSAGE_IMAGE_BYTES = 5 * 1024 * 1024
/** Messages and pictures one sender may send per minute, across their bookings. */
export const MESSAGES_PER_MINUTE = 20

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** A message's text: trimmed, at most 1000 characters; null when there is none. */
export function messageText(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? ""
  if (trimmed.length > MAX_MESSAGE_TEXT_CHARS) {
    throw invalid(`消息最多 ${MAX_MESSAGE_TEXT_CHARS} 个字，请分几条发送`)
  }
  return trimmed || null
}

/** A picture for the conversation or the report: JPG, PNG or WebP by content, at most 5 MB. */
export function checkMessageImage(file: { buffer: Buffer } | undefined) {
  if (!file?.buffer?.length) throw invalid("请选择要发送的图片（表单字段 file）")
  const type = sniffFileType(file.buffer)
  if (type !== "jpeg" && type !== "png" && type !== "webp") {
    throw invalid("只能发送 JPG、PNG 或 WebP 图片")
  }
  if (file.buffer.length > MAX_MESSAGE_IMAGE_BYTES) throw invalid("图片超过 5 MB，请压缩后再发送")
  return { mime_type: MIME_TYPES[type], bytes: file.buffer }
}
