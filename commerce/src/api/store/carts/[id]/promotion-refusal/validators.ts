import { z } from "@medusajs/framework/zod"

/** A code as a shopper typed it; Medusa matches codes exactly. */
export const PromotionRefusalQuery = z.object({
  code: z.string().trim().min(1).max(64),
})

export type PromotionRefusalQueryType = z.infer<typeof PromotionRefusalQuery>
