import { z } from "@medusajs/framework/zod"
import { passwordProblem } from "../../../../../lib/auth/password-policy"

export const ChangePasswordBody = z
  .object({
    current_password: z.string().min(1, "请输入当前密码"),
    new_password: z.unknown().superRefine((value, context) => {
      const problem = passwordProblem(value, "新密码")
      if (problem) context.addIssue({ code: "custom", message: problem })
    }),
  })
  .refine((body) => body.new_password !== body.current_password, {
    message: "新密码不能与当前密码相同",
    path: ["new_password"],
  })
  .transform((body) => ({ ...body, new_password: body.new_password as string }))

export type ChangePasswordBodyType = z.infer<typeof ChangePasswordBody>
