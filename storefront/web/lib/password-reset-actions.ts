"use server"

import { ApiError, createPasswordResetClient } from "@health/core"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
import { commerceFetch } from "./commerce-fetch"
import { env } from "./env"
import { readResetPasswordForm, RESET_MAIL_SENT } from "./password-reset-form"

// Wired like the clients in backends.ts: the shopper's address goes along, so commerce's
// per-address limit on reset requests counts the shopper, not this server.
const passwordReset = createPasswordResetClient({
  baseUrl: env.medusaUrl,
  publishableKey: env.publishableKey,
  fetch: commerceFetch,
})

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
