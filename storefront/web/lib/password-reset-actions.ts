"use server"

import { ApiError } from "@health/core"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
// Its fetch forwards the shopper's address: commerce's per-address limit counts the shopper.
import { passwordReset } from "./backends"
import { readResetPasswordForm, RESET_MAIL_SENT } from "./password-reset-form"

/** Commerce's refusals are in Chinese already; anything else is the network's fault. */
function refusal(error: unknown): AccountActionState {
  if (error instanceof ApiError && error.status < 500) return { error: error.message }
  console.error("[password-reset]", error)
  return { error: "网络繁忙，请稍后重试" }
}

/** 忘记密码: the same answer whether or not the email is registered. */
export async function requestPasswordReset(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const email = String(form.get("email") ?? "").trim()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { error: "请输入正确的邮箱地址" }
  try {
    await passwordReset.requestPasswordReset(email)
  } catch (error) {
    return refusal(error)
  }
  return { notice: RESET_MAIL_SENT }
}

/** 设置新密码 with the mailed link's token; on success the member signs in with it. */
export async function resetPassword(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const { token, password, problem } = readResetPasswordForm(form)
  if (problem !== undefined) return { error: problem }
  try {
    await passwordReset.resetPassword(token, password)
  } catch (error) {
    return refusal(error)
  }
  redirect("/account/sign-in?tab=password&reset=done")
}
