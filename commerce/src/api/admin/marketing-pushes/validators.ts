import { z } from "@medusajs/framework/zod"
import { AudienceFilter } from "../../../lib/marketing/audience-filter"
import { MARKETING_CHANNELS } from "../../../lib/marketing/marketing-channels"
import {
  PUSH_CONTENT_TYPES,
  type PushContentType,
} from "../../../workflows/marketing-push/content/push-content-types"
import { PUSH_CONTENT_TEXT } from "../../../workflows/marketing-push/content/push-content.zh-CN"

export const AudiencePreviewBody = z.object({ audience: AudienceFilter })
export type AudiencePreviewBodyType = z.infer<typeof AudiencePreviewBody>

/** A push: content, audience, channels and time (absent or past: now). */
export const CreateMarketingPushBody = z.object({
  content_type: z.enum([
    "article",
    "product",
    "clinic_session",
    "escort",
    "consultation",
    "custom",
  ]),
  content_ref: z.string().trim().max(200).nullish(),
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(500),
  /** A path of the storefront (/clinic-sessions/…) or an https address. */
  link: z
    .string()
    .trim()
    .max(500)
    .regex(/^(\/(?!\/)|https:\/\/)/)
    .nullish(),
  audience: AudienceFilter,
  channels: z.array(z.enum(MARKETING_CHANNELS)).min(1).max(MARKETING_CHANNELS.length),
  send_at: z.string().datetime({ offset: true }).nullish(),
})
export type CreateMarketingPushBodyType = z.infer<typeof CreateMarketingPushBody>

export const ListMarketingPushesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type ListMarketingPushesQueryType = z.infer<typeof ListMarketingPushesQuery>

// The picker's kinds are the push's content types; the longer names are accepted too.
const CONTENT_TYPE_ALIASES: Partial<Record<string, PushContentType>> = {
  escort_service: "escort",
  consultation_offer: "consultation",
}

const pushContentType = (type: string): PushContentType | undefined =>
  CONTENT_TYPE_ALIASES[type] ?? PUSH_CONTENT_TYPES.find((known) => known === type)

/**
 * 推送中心's content picker: one kind of content, optionally narrowed by a search word.
 * Refinements, not an enum and a max: Medusa words those itself, these keep our sentences.
 */
export const SearchPushContentQuery = z.object({
  type: z
    .string()
    .refine((type) => !!pushContentType(type), { message: PUSH_CONTENT_TEXT.typeInvalid })
    .transform((type) => pushContentType(type)!),
  q: z
    .string()
    .trim()
    .refine((q) => q.length <= 50, { message: PUSH_CONTENT_TEXT.queryTooLong })
    .default(""),
})
export type SearchPushContentQueryType = z.infer<typeof SearchPushContentQuery>
