import { z } from "@medusajs/framework/zod"

export const BindPhoneBody = z.object({
  phone: z.string().min(1, "请输入手机号"),
  code: z.string().refine((code) => /^\d{6}$/.test(code), "请输入 6 位数字验证码"),
})

export type BindPhoneBodyType = z.infer<typeof BindPhoneBody>
