import { MIN_PASSWORD_LENGTH, passwordChangeProblem } from "@health/core"

// The rule is core's, shared with the mini-program's 修改密码.
export { MIN_PASSWORD_LENGTH }

/** The change-password form, or the first thing to fix, in Chinese. */
export function readPasswordForm(
  form: FormData
):
  | { current: string; next: string; problem?: never }
  | { current?: never; next?: never; problem: string } {
  const current = String(form.get("current_password") ?? "")
  const next = String(form.get("new_password") ?? "")
  const confirm = String(form.get("new_password_confirm") ?? "")
  const problem = passwordChangeProblem({ current, next, confirm })
  return problem === null ? { current, next } : { problem }
}
