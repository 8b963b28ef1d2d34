import { z } from "@medusajs/framework/zod"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const text = (max: number, message: string) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length >= 1 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

const optionalText = (max: number, message: string) =>
  z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.trim().length <= max), message)
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

const id = (message: string) => text(100, message)

const list = <T extends z.ZodType>(item: T, min: number, max: number, message: string) =>
  z
    .unknown()
    .refine((v) => Array.isArray(v) && v.length >= min && v.length <= max, message)
    .pipe(z.array(item))

export const ITEM_TYPES = ["report", "upload", "constitution", "escort_report"] as const

const ArchiveItem = z.object({
  item_type: z.enum(ITEM_TYPES, {
    message:
      "资料类型只能是 report（检测报告）、upload（医院资料）、constitution（体质辨识结果）或 escort_report（陪诊服务报告）",
  }),
  item_id: id("请选择要授权的档案资料"),
})

export const GrantAssessmentBody = z.object({
  doctor_id: id("请选择评估专家"),
  question: text(2000, "请填写希望专家评估的内容（不超过 2000 字）"),
  ends_at: z
    .unknown()
    .refine(
      (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)),
      "请填写授权截止时间（ISO 8601 格式）"
    )
    .transform((v) => new Date(v as string)),
  consent: z
    .unknown()
    .refine((v) => v === true, "请阅读并同意《档案资料授权书》后再提交")
    .transform(() => true as const),
  items: list(ArchiveItem, 1, 30, "请选择 1 至 30 份要授权的档案资料"),
})
export type GrantAssessmentBodyType = z.infer<typeof GrantAssessmentBody>

const Section = z.object({
  heading: text(60, "每节需要标题（不超过 60 字）"),
  body: text(8000, "每节需要正文（不超过 8000 字）"),
})

const Recommendation = z.object({
  kind: z.enum(["product", "article"], {
    message: "推荐类型只能是 product（商品）或 article（文章）",
  }),
  ref_id: id("请填写推荐商品或文章的标识"),
  title: text(100, "请填写推荐的标题（不超过 100 字）"),
  reason: optionalText(500, "推荐理由不超过 500 字"),
})

export const PublishAssessmentReportBody = z.object({
  base_version: z
    .unknown()
    .refine(
      (v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v < 1000,
      "base_version 须为当前版本号（首次发布为 0）"
    )
    .transform((v) => v as number),
  title: text(100, "请填写报告标题（不超过 100 字）"),
  sections: list(Section, 1, 20, "报告需要 1 至 20 节"),
  recommendations: list(Recommendation, 0, 20, "推荐最多 20 条").optional().default([]),
  reason: optionalText(500, "修订说明不超过 500 字"),
})
export type PublishAssessmentReportBodyType = z.infer<typeof PublishAssessmentReportBody>

export const AssessmentPdfQuery = z.object({
  version: z
    .unknown()
    .refine(
      (v) => v == null || (typeof v === "string" && /^[1-9]\d{0,2}$/.test(v)),
      "版本号须为正整数"
    )
    .transform((v) => (typeof v === "string" ? Number(v) : null)),
})
