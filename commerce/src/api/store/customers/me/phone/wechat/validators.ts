import { z } from "@medusajs/framework/zod"

// Optional then refined: Medusa words a missing required field in English itself.
export const BindWechatPhoneBody = z.object({
  code: z
    .string()
    .max(256, "微信手机号授权码无效")
    .optional()
    .refine((code) => !!code?.trim(), "缺少微信手机号授权码")
    .transform((code) => code!.trim()),
})

export type BindWechatPhoneBodyType = z.infer<typeof BindWechatPhoneBody>
