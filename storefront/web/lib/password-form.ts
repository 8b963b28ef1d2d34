export const MIN_PASSWORD_LENGTH = 8

/** The change-password form, or the first thing to fix, in Chinese. */
export function readPasswordForm(
  form: FormData
):
  | { current: string; next: string; problem?: never }
  | { current?: never; next?: never; problem: string } {
  const current = String(form.get("current_password") ?? "")
  const next = String(form.get("new_password") ?? "")
  if (!current) return { problem: "请输入当前密码" }
  if (next.length < MIN_PASSWORD_LENGTH) return { problem: `新密码至少 ${MIN_PASSWORD_LENGTH} 位` }
  if (next !== String(form.get("new_password_confirm") ?? "")) {
    return { problem: "两次输入的新密码不一致" }
  }
  if (next === current) return { problem: "新密码不能与当前密码相同" }
  return { current, next }
}
