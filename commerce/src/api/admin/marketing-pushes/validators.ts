import { z } from "@medusajs/framework/zod"
import { AudienceFilter } from "../../../lib/marketing/audience-filter"
import { MARKETING_CHANNELS } from "../../../lib/marketing/marketing-channels"

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
