import { MedusaError } from "@medusajs/framework/utils"
import { MIME_TYPES, sniffFileType } from "../../lib/files/sniff-file-type"

export const MAX_MEMBER_UPLOAD_BYTES = 10 * 1024 * 1024
export const MAX_MEMBER_UPLOAD_FILES = 10

export type IncomingUpload = { originalname: string; buffer: Buffer }

export type CheckedUpload = {
  filename: string
  kind: "pdf" | "image"
  mime_type: string
  bytes: Buffer
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Browsers send non-ASCII multipart file names as latin1; turn them back into UTF-8. */
export function decodeUploadName(name: string): string {
  const decoded = Buffer.from(name, "latin1").toString("utf8")
  return decoded.includes("\uFFFD") ? name : decoded
}

/**
 * What a member may keep in their archive: photos and PDFs of hospital records, checked by
 * content, at most 10 files of 10 MB. All or nothing: one bad file refuses the upload with its name.
 */
export function checkMemberUploads(files: IncomingUpload[]): CheckedUpload[] {
  if (!files.length) throw invalid("请选择要上传的照片或 PDF 文件")
  if (files.length > MAX_MEMBER_UPLOAD_FILES) {
    throw invalid(`一次最多上传 ${MAX_MEMBER_UPLOAD_FILES} 个文件`)
  }
  return files.map((file) => {
    const filename = decodeUploadName(file.originalname).slice(0, 200)
    const type = sniffFileType(file.buffer)
    if (!type || type === "zip") {
      throw invalid(`“${filename}”不是照片（JPG、PNG、WebP）或 PDF 文件`)
    }
    if (file.buffer.length > MAX_MEMBER_UPLOAD_BYTES) {
      throw invalid(`“${filename}”超过 10 MB，请压缩后再上传`)
    }
    return {
      filename,
      kind: type === "pdf" ? ("pdf" as const) : ("image" as const),
      mime_type: MIME_TYPES[type],
      bytes: file.buffer,
    }
  })
}

/** A member's note on an upload: trimmed, at most 500 characters, null when empty. */
export const memberUploadNote = (note: string | null | undefined) =>
  note?.trim().slice(0, 500) || null
