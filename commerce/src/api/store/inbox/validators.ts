import { z } from "@medusajs/framework/zod"

export const ListInboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true")),
})

export const MarkReadBody = z.object({
  ids: z.array(z.string().min(1)).min(1, "请至少选择一条消息").max(200),
})

export type ListInboxQueryType = z.infer<typeof ListInboxQuery>
export type MarkReadBodyType = z.infer<typeof MarkReadBody>
