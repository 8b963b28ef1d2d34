import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"
import type { UploadView } from "../../modules/health-archive/types"
import { MIME_TYPES, sniffFileType } from "../files/sniff-file-type"
import { SealedFileStore } from "./sealed-file-store"

export const MAX_MEMBER_UPLOAD_BYTES = 10 * 1024 * 1024
export const MAX_MEMBER_UPLOAD_FILES = 10

type IncomingFile = { originalname: string; buffer: Buffer }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Browsers send non-ASCII multipart file names as latin1; turn them back into UTF-8. */
export function decodeUploadName(name: string): string {
  const decoded = Buffer.from(name, "latin1").toString("utf8")
  return decoded.includes("\uFFFD") ? name : decoded
}

/**
 * Keeps a member's photos and PDFs of hospital records: checked by content, encrypted,
 * stored privately. All or nothing: one bad file refuses the upload with its name.
 */
export async function saveMemberUploads(
  container: MedusaContainer,
  input: { customer_id: string; files: IncomingFile[]; note?: string | null }
): Promise<UploadView[]> {
  if (!input.files.length) throw invalid("请选择要上传的照片或 PDF 文件")
  if (input.files.length > MAX_MEMBER_UPLOAD_FILES) {
    throw invalid(`一次最多上传 ${MAX_MEMBER_UPLOAD_FILES} 个文件`)
  }
  const checked = input.files.map((file) => {
    const filename = decodeUploadName(file.originalname).slice(0, 200)
    const type = sniffFileType(file.buffer)
    if (!type || type === "zip") {
      throw invalid(`“${filename}”不是照片（JPG、PNG、WebP）或 PDF 文件`)
    }
    if (file.buffer.length > MAX_MEMBER_UPLOAD_BYTES) {
      throw invalid(`“${filename}”超过 10 MB，请压缩后再上传`)
    }
    return { filename, type, bytes: file.buffer }
  })
  const note = input.note?.trim().slice(0, 500) || null
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const store = new SealedFileStore(container.resolve(Modules.FILE))
  const stored: string[] = []
  try {
    const rows = []
    for (const file of checked) {
      const { file_id, key_id } = await store.put(file.bytes)
      stored.push(file_id)
      const details = archive.sealUploadDetails({ filename: file.filename, note })
      rows.push({
        customer_id: input.customer_id,
        kind: file.type === "pdf" ? ("pdf" as const) : ("image" as const),
        mime_type: MIME_TYPES[file.type],
        size: file.bytes.length,
        file_id,
        key_id,
        payload_ciphertext: details.ciphertext,
      })
      // One key id for the row: the details are sealed with the same active key.
      if (details.key_id !== key_id) throw new Error("health data key changed during upload")
    }
    const created = await archive.createMemberUploads(rows)
    return created.map((row) => archive.uploadView(row as never))
  } catch (error) {
    await store.remove(stored)
    throw error
  }
}
