import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { MAX_ADMISSION_DOCUMENT_BYTES } from "../modules/escort-admission/rules/admission-document-content"

const REFUSALS: Record<string, string> = {
  LIMIT_FILE_SIZE: "文件超过 10 MB，请压缩后再上传",
  LIMIT_FILE_COUNT: "一次只能上传一个文件",
  LIMIT_UNEXPECTED_FILE: "请把文件放在表单字段 file 中上传",
}

/**
 * One admission document in memory from multipart field `file` (with text fields `kind` and
 * `title`), at most 10 MB; its content is checked by the route (JPEG, PNG or PDF).
 */
export function acceptAdmissionDocument() {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_ADMISSION_DOCUMENT_BYTES, files: 1, fields: 5 },
  }).single("file")
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    upload(req as never, res as never, (error: unknown) => {
      if (!error) return next()
      const refusal = error instanceof multer.MulterError ? REFUSALS[error.code] : null
      next(
        new MedusaError(MedusaError.Types.INVALID_DATA, refusal ?? "文件无法读取，请重新选择后上传")
      )
    })
  }
}
