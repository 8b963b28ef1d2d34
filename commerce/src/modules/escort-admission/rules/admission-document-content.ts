import { MedusaError } from "@medusajs/framework/utils"
import { MIME_TYPES, sniffFileType } from "../../../lib/files/sniff-file-type"

export const MAX_ADMISSION_DOCUMENT_BYTES = 10 * 1024 * 1024

/** A document by its content, never its name: JPEG, PNG or PDF, at most 10 MB. */
export function checkAdmissionDocument(file: { buffer: Buffer } | undefined) {
  const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
  if (!file?.buffer?.length) throw invalid("请选择要上传的文件（表单字段 file）")
  const type = sniffFileType(file.buffer)
  if (type !== "jpeg" && type !== "png" && type !== "pdf") {
    throw invalid("只能上传 JPG、PNG 图片或 PDF 文件")
  }
  if (file.buffer.length > MAX_ADMISSION_DOCUMENT_BYTES) {
    throw invalid("文件超过 10 MB，请压缩后再上传")
  }
  return { mime_type: MIME_TYPES[type], bytes: file.buffer }
}
