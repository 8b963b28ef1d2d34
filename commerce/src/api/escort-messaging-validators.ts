import { z } from "@medusajs/framework/zod"
import { MAX_MESSAGE_TEXT_CHARS } from "../modules/escort-messaging/rules/message-limits"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const isId = (v: unknown) => typeof v === "string" && v.length > 0 && v.length <= 100

const optionalId = (message: string) =>
  z
    .unknown()
    .refine((v) => v == null || v === "" || isId(v), message)
    .transform((v) => (typeof v === "string" && v ? v : null))

const trimmed = (message: string, min: number, max: number) =>
  z
    .unknown()
    .refine(
      (v) => typeof v === "string" && v.trim().length >= min && v.trim().length <= max,
      message
    )
    .transform((v) => (v as string).trim())

export const EscortMessageBody = z
  .object({
    text: z
      .unknown()
      .refine(
        (v) => v == null || (typeof v === "string" && v.trim().length <= MAX_MESSAGE_TEXT_CHARS),
        `消息最多 ${MAX_MESSAGE_TEXT_CHARS} 个字，请分几条发送`
      )
      .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null)),
    image_upload_id: optionalId("图片编号无效，请重新选择图片"),
  })
  .refine((body) => body.text || body.image_upload_id, "请输入消息内容或选择一张图片")

export const EscortMessagesQuery = z.object({
  after: optionalId("after 应为一条消息的编号"),
})

const reportStep = z.object({
  step: trimmed("每个步骤需要名称（不超过 20 字）", 1, 20),
  note: z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.length <= 500), "步骤说明不超过 500 字")
    .transform((v) => (typeof v === "string" ? v.trim() : "")),
})

export const EscortServiceReportBody = z.object({
  steps: z
    .array(reportStep, { message: "请按步骤填写服务经过（1 至 20 步）" })
    .min(1, "请按步骤填写服务经过（1 至 20 步）")
    .max(20, "请按步骤填写服务经过（1 至 20 步）"),
  doctor_advice: trimmed("请填写医生的嘱咐（不超过 2000 字）", 1, 2000),
  document_upload_ids: z
    .unknown()
    .refine(
      (v) => v == null || (Array.isArray(v) && v.length <= 20 && v.every(isId)),
      "报告照片最多 20 张，请先上传照片再提交"
    )
    .transform((v) => (v ?? []) as string[]),
})
