import { z } from "@medusajs/framework/zod"
import {
  MODERATION_CATEGORIES,
  MODERATION_STATUSES,
} from "../modules/moderation/rules/moderation-categories"

// Medusa rewrites zod's own messages in English: every rule here carries its Chinese one.

const optionalText = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => v == null || (typeof v === "string" && v.trim().length <= max), message)
    .transform((v) => (typeof v === "string" && v.trim() ? v.trim() : null))

const text = (message: string, max: number) =>
  z
    .unknown()
    .refine((v) => typeof v === "string" && v.trim().length > 0 && v.trim().length <= max, message)
    .transform((v) => (v as string).trim())

/** One side's review of the other: 1–5 stars, up to 5 tags, optional text and photos. */
export const EscortReviewBody = z.object({
  rating: z
    .unknown()
    .refine((v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5, "请打 1–5 星")
    .transform((v) => v as number),
  tags: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        (Array.isArray(v) &&
          v.length <= 5 &&
          v.every((t) => typeof t === "string" && t.trim().length > 0 && t.trim().length <= 12)),
      "评价标签最多 5 个，每个不超过 12 字"
    )
    .transform((v) => [...new Set(((v as string[] | null) ?? []).map((t) => t.trim()))]),
  text: optionalText("评价内容不超过 500 字", 500),
  photo_upload_ids: z
    .unknown()
    .refine(
      (v) =>
        v == null ||
        (Array.isArray(v) &&
          v.length <= 6 &&
          v.every((id) => typeof id === "string" && /^[A-Za-z0-9_]{1,64}$/.test(id))),
      "评价照片最多 6 张"
    )
    .transform((v) => [...new Set((v as string[] | null) ?? [])]),
})

export const ReportContentBody = z.object({
  reason: text("请填写举报原因（不超过 200 字）", 200),
})

export const PublicEscortReviewsQuery = z.object({
  limit: z
    .unknown()
    .refine((v) => v == null || /^\d{1,2}$/.test(String(v)), "limit 应为 1–50 的整数")
    .transform((v) => Math.min(50, Math.max(1, Number(v ?? 10)))),
  offset: z
    .unknown()
    .refine((v) => v == null || /^\d{1,6}$/.test(String(v)), "offset 应为非负整数")
    .transform((v) => Number(v ?? 0)),
})

export const AdminModerationItemsQuery = z.object({
  status: z
    .unknown()
    .refine(
      (v) => v == null || v === "" || v === "all" || MODERATION_STATUSES.includes(v as never),
      "status 只能是 pending、approved、rejected 或 all"
    )
    .transform((v) =>
      v == null || v === "" ? "pending" : (v as (typeof MODERATION_STATUSES)[number] | "all")
    ),
  limit: PublicEscortReviewsQuery.shape.limit,
  offset: PublicEscortReviewsQuery.shape.offset,
})

export const ApproveModerationItemBody = z.preprocess(
  (v) => v ?? {},
  z.object({ text: optionalText("修改后的内容不超过 500 字", 500) })
)

export const RejectModerationItemBody = z.object({
  reason: text("请填写驳回原因（作者会看到，不超过 200 字）", 200),
})

const category = z
  .unknown()
  .refine(
    (v) => MODERATION_CATEGORIES.includes(v as never),
    "分类只能是医疗广告、违法、联系方式、辱骂或其他"
  )
  .transform((v) => v as (typeof MODERATION_CATEGORIES)[number])

export const CreateModerationWordBody = z.object({
  word: text("敏感词应为 1–30 字", 30),
  category,
})

export const UpdateModerationWordBody = z.object({
  category: category.optional(),
  active: z
    .unknown()
    .refine((v) => v == null || typeof v === "boolean", "active 应为 true 或 false")
    .transform((v) => (v == null ? undefined : (v as boolean))),
})
