import { z } from "@medusajs/framework/zod"

/** `m`: the delivery id a tracked link carries. */
export const MarketingPushClickQuery = z.object({ m: z.string().trim().min(1).max(100) })
export type MarketingPushClickQueryType = z.infer<typeof MarketingPushClickQuery>
