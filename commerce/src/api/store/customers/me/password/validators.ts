import { z } from "@medusajs/framework/zod"

export const MIN_PASSWORD_LENGTH = 8

export const ChangePasswordBody = z
  .object({
    current_password: z.string().min(1, "请输入当前密码"),
    new_password: z
      .string()
      .refine(
        (value) => value.length >= MIN_PASSWORD_LENGTH,
        `新密码至少 ${MIN_PASSWORD_LENGTH} 位`
      ),
  })
  .refine((body) => body.new_password !== body.current_password, {
    message: "新密码不能与当前密码相同",
    path: ["new_password"],
  })

export type ChangePasswordBodyType = z.infer<typeof ChangePasswordBody>
