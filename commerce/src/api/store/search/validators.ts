import { SEARCH_QUERY_MAX_LENGTH, SEARCH_TYPES } from "@health/contracts"
import { z } from "@medusajs/framework/zod"

export const SearchQuery = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX_LENGTH).default(""),
  type: z.enum(SEARCH_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
})

export type SearchQueryType = z.infer<typeof SearchQuery>
