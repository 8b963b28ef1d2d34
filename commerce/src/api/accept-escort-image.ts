import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { MAX_MESSAGE_IMAGE_BYTES } from "../modules/escort-messaging/rules/message-limits"

const REFUSALS: Record<string, string> = {
  LIMIT_FILE_SIZE: "图片超过 5 MB，请压缩后再发送",
  LIMIT_FILE_COUNT: "一次只能发送一张图片",
  LIMIT_UNEXPECTED_FILE: "请把图片放在表单字段 file 中上传",
}

/**
 * One picture in memory from multipart field `file` (the 陪诊 message contract), at most
 * 5 MB; multer's limit errors become 400s in Chinese. Its content is checked by the route.
 */
export function acceptEscortImage() {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_MESSAGE_IMAGE_BYTES, files: 1 },
  }).single("file")
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    upload(req as never, res as never, (error: unknown) => {
      if (!error) return next()
      const refusal = error instanceof multer.MulterError ? REFUSALS[error.code] : null
      next(
        new MedusaError(
          MedusaError.Types.INVALID_DATA,
          refusal ?? "图片无法读取，请重新选择后再发送"
        )
      )
    })
  }
}
