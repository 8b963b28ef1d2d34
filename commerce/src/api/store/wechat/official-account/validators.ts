import { z } from "@medusajs/framework/zod"

// Optional then refined: Medusa words a missing required field in English itself.
export const BindOfficialAccountBody = z.object({
  token: z
    .string()
    .max(1024, "绑定链接无效或已过期，请在公众号中重新获取")
    .optional()
    .refine((token) => !!token?.trim(), "缺少绑定凭证")
    .transform((token) => token!.trim()),
})

export type BindOfficialAccountBodyType = z.infer<typeof BindOfficialAccountBody>
