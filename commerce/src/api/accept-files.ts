import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"

const REFUSALS: Record<string, (limits: { fileSize: number; files: number }) => string> = {
  LIMIT_FILE_SIZE: ({ fileSize }) =>
    `文件超过 ${Math.round(fileSize / 1024 / 1024)} MB，请压缩或分批上传`,
  LIMIT_FILE_COUNT: ({ files }) => `一次最多上传 ${files} 个文件，请分批上传`,
  LIMIT_UNEXPECTED_FILE: () => "请把文件放在表单字段 files 中上传",
}

/**
 * multipart/form-data files in memory (field `files`), with multer's limit errors
 * turned into 400s that say what to do instead of 500s.
 */
export function acceptFiles(limits: { fileSize: number; files: number }) {
  const upload = multer({ storage: multer.memoryStorage(), limits }).array("files", limits.files)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    upload(req as never, res as never, (error: unknown) => {
      if (!error) return next()
      const refusal = error instanceof multer.MulterError ? REFUSALS[error.code] : null
      next(
        refusal
          ? new MedusaError(MedusaError.Types.INVALID_DATA, refusal(limits))
          : new MedusaError(
              MedusaError.Types.INVALID_DATA,
              "上传内容无法读取，请重新选择文件后再试"
            )
      )
    })
  }
}
