import { z } from "@medusajs/framework/zod"
import { PersonServedBody } from "../../escort-validators"

const isRealDate = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(+date) && date.toISOString().startsWith(value) && date <= new Date()
}

export const TestedPersonBody = z.object({
  relation: z
    .string()
    .refine((v) => ["self", "spouse", "parent", "child", "other"].includes(v), "请选择与您的关系"),
  name: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v.length >= 1 && v.length <= 40, "请填写受检人姓名（不超过 40 字）"),
  sex: z.string().refine((v) => v === "female" || v === "male", "请选择受检人性别"),
  birth_date: z.string().refine(isRealDate, "请填写正确的出生日期，如 1990-05-01"),
})

/** A person the member books for (就诊人), saved with their ID number for 实名认证. */
export const SavePersonBody = PersonServedBody.extend({
  relation: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && ["self", "spouse", "parent", "child", "other"].includes(v),
      "请选择就诊人与您的关系"
    )
    .transform((v) => v as "self" | "spouse" | "parent" | "child" | "other"),
})

export type SavePersonBodyType = z.infer<typeof SavePersonBody>

export const ActivateKitBody = z
  .object({
    barcode: z.string().refine((v) => v.trim().length > 0, "请输入采样管上的条码"),
    person_id: z.string().optional(),
    person: TestedPersonBody.optional(),
    consents: z
      .array(
        z.object({
          kind: z
            .string()
            .refine((v) => ["testing", "storage", "research"].includes(v), "未知的知情同意类型"),
          version: z.string().refine((v) => v.trim().length > 0, "知情同意书缺少版本号"),
        })
      )
      .refine((list) => list.length <= 3, "知情同意最多三项"),
  })
  .refine((body) => !!body.person_id !== !!body.person, "请选择一位受检人，或填写新的受检人信息")

export type ActivateKitBodyType = z.infer<typeof ActivateKitBody>

export const ListKitsQuery = z.object({
  order_id: z.string().optional(),
})

export type ListKitsQueryType = z.infer<typeof ListKitsQuery>

/** A page of the member's archive access log, newest first. */
export const AccessLogQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

export type AccessLogQueryType = z.infer<typeof AccessLogQuery>

export const EraseArchiveBody = z.object({
  confirm: z.string().refine((v) => v === "删除", "请输入“删除”以确认删除健康档案"),
})
