"use server"

import type { AccountActionState } from "./account-actions"
import { member } from "./backends"
import { memberActionError } from "./member-action-error"
import { readPasswordForm } from "./password-form"
import { readToken } from "./session"

export async function changePassword(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return { error: "登录已过期，请重新登录" }
  const { current, next, problem } = readPasswordForm(form)
  if (problem !== undefined) return { error: problem }
  try {
    await member.changePassword(token, current, next)
  } catch (error) {
    return memberActionError(error, "password")
  }
  return { notice: "密码已修改，下次请用新密码登录" }
}
