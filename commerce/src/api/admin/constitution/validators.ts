import { z } from "@medusajs/framework/zod"

const MAX_SECTION = 4000
const MAX_REASON = 200
const STATUSES = ["pending", "draft", "published"] as const

// Medusa rewrites zod's own messages into English; a refine keeps ours.
const section = (label: string) =>
  z
    .string()
    .default("")
    .refine((text) => text.length <= MAX_SECTION, `「${label}」不能超过 ${MAX_SECTION} 字`)

/** The 养生评估报告's sections; any may be empty while drafting. */
export const ReviewSectionsSchema = z.object({
  summary: section("总体评估"),
  diet: section("饮食调养"),
  exercise: section("运动锻炼"),
  emotion: section("情志调摄"),
  daily: section("起居调护"),
})

export const SaveReviewBody = z.object({ sections: ReviewSectionsSchema })

export const PublishReviewBody = z.object({ sections: ReviewSectionsSchema.optional() })

/** A 修订 of a published report: the whole new text, and why (the member reads it). */
export const ReviseReviewBody = z.object({
  sections: ReviewSectionsSchema,
  reason: z
    .string()
    .default("")
    .refine((text) => text.trim().length > 0, "请填写修订说明")
    .refine((text) => text.length <= MAX_REASON, `「修订说明」不能超过 ${MAX_REASON} 字`),
  /** The version the expert edited; omitted, the revision follows whatever is current. */
  base_revision: z
    .number()
    .optional()
    .refine(
      (n) => n === undefined || (Number.isInteger(n) && n >= 1),
      "base_revision 须为报告的版本号（从 1 开始的整数）"
    ),
})

export const ListStaffAssessmentsQuery = z.object({
  status: z
    .string()
    .optional()
    .refine(
      (status) => !status || (STATUSES as readonly string[]).includes(status),
      "status 只能是 pending（待评估）、draft（草稿）或 published（已发布）"
    )
    .transform((status) => status as (typeof STATUSES)[number] | undefined),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
})

export type SaveReviewBodyType = z.infer<typeof SaveReviewBody>
export type PublishReviewBodyType = z.infer<typeof PublishReviewBody>
export type ReviseReviewBodyType = z.infer<typeof ReviseReviewBody>
export type ListStaffAssessmentsQueryType = z.infer<typeof ListStaffAssessmentsQuery>
