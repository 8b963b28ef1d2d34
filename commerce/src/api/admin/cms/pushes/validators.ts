import { z } from "@medusajs/framework/zod"

/** Paging of the pushed articles; `1e309` or `-1` answers 400, never reaches the query. */
export const ListPushesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})

export type ListPushesQueryType = z.infer<typeof ListPushesQuery>
