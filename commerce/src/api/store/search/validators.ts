import { z } from "@medusajs/framework/zod"

export const SearchQuery = z.object({
  q: z.string().trim().max(100).default(""),
  type: z.enum(["product", "article", "site"]).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
})

export type SearchQueryType = z.infer<typeof SearchQuery>
