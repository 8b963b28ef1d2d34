import { z } from "@medusajs/framework/zod"

export const SendSmsCodeBody = z.object({
  phone: z.string().min(1),
  purpose: z.enum(["login", "register", "bind"]),
})

export type SendSmsCodeBodyType = z.infer<typeof SendSmsCodeBody>
