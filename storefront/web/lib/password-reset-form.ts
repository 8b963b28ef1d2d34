/** The rule commerce applies to every password (commerce/src/lib/auth/password-policy.ts). */
export const PASSWORD_RULE_HINT = "至少 8 位，且需同时包含字母和数字"

/** What the 忘记密码 page tells everyone who asks, registered or not. */
export const RESET_MAIL_SENT =
  "如果该邮箱已注册，我们已发送重置链接，请查收邮件（也请看看垃圾邮件箱），并在 15 分钟内打开链接设置新密码。"

/** The 设置新密码 form: the link's token and the new password twice, or what to fix first. */
export function readResetPasswordForm(
  form: FormData
):
  | { token: string; password: string; problem?: never }
  | { token?: never; password?: never; problem: string } {
  const token = String(form.get("token") ?? "").trim()
  const password = String(form.get("password") ?? "")
  if (!token) return { problem: "重置链接不完整，请从邮件中重新打开链接，或重新申请" }
  if (!password) return { problem: "请输入新密码" }
  if (password !== String(form.get("password_confirm") ?? "")) {
    return { problem: "两次输入的新密码不一致" }
  }
  return { token, password }
}
