/** Commerce refuses shorter passwords; the forms say so first. */
export const MIN_PASSWORD_LENGTH = 8

/** The first thing to fix in a change-password form, in Chinese, or null when it may be sent. */
export function passwordChangeProblem(input: {
  current: string
  next: string
  confirm: string
}): string | null {
  if (!input.current) return "请输入当前密码"
  if (input.next.length < MIN_PASSWORD_LENGTH) return `新密码至少 ${MIN_PASSWORD_LENGTH} 位`
  if (input.next !== input.confirm) return "两次输入的新密码不一致"
  if (input.next === input.current) return "新密码不能与当前密码相同"
  return null
}
