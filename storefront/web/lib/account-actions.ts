"use server"

import { ApiError } from "@health/core"
import { redirect } from "next/navigation"
import { member } from "./backends"
import {
  bindOfficialAccount,
  bindOutcomePath,
  OA_BIND_PARAM,
  readBindToken,
} from "./official-account-bind"
import { bindPendingReferral } from "./referral"
import { hasProfileExtras, readRegistrationForm } from "./registration-form"
import { safeRedirectPath } from "./safe-redirect"
import { clearToken, readToken, writeToken } from "./session"

export type AccountActionState = { error?: string; notice?: string } | undefined

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

function explain(error: unknown, fallback: string): AccountActionState {
  if (error instanceof ApiError && error.status < 500) {
    if (error.status === 401) return { error: "账号或密码不正确" }
    return { error: error.message || fallback }
  }
  console.error("[account]", error)
  return { error: "网络繁忙，请稍后重试" }
}

/**
 * Keeps the session, binds a pending referral and, when the member came from the service
 * account's bind link (`oa_bind`), binds that WeChat too: then 我的账户 shows the outcome.
 */
async function signedIn(token: string, next: string, form?: FormData): Promise<never> {
  await writeToken(token)
  const outcome = await bindPendingReferral(token)
  const bindToken = readBindToken(form?.get(OA_BIND_PARAM))
  const target = bindToken
    ? bindOutcomePath(await bindOfficialAccount(token, bindToken))
    : safeRedirectPath(next, "/account")
  const query =
    typeof outcome === "object"
      ? `${target.includes("?") ? "&" : "?"}referral=${encodeURIComponent(outcome.refused)}`
      : ""
  redirect(`${target}${query}`)
}

export async function signInWithPassword(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const email = text(form, "email")
  const password = String(form.get("password") ?? "")
  if (!email || !password) return { error: "请输入邮箱和密码" }
  let token: string
  try {
    token = await member.signInWithPassword(email, password)
  } catch (error) {
    return explain(error, "登录失败")
  }
  return signedIn(token, text(form, "next"), form)
}

export async function sendLoginCode(phone: string): Promise<AccountActionState> {
  if (!/^1[3-9]\d{9}$/.test(phone.replace(/\s/g, ""))) return { error: "请输入正确的 11 位手机号" }
  try {
    await member.sendSmsCode(phone.replace(/\s/g, ""), "login")
    return { notice: "验证码已发送，5 分钟内有效" }
  } catch (error) {
    return explain(error, "验证码发送失败")
  }
}

export async function signInWithPhone(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const phone = text(form, "phone").replace(/\s/g, "")
  const code = text(form, "code")
  if (!/^1[3-9]\d{9}$/.test(phone)) return { error: "请输入正确的 11 位手机号" }
  if (!/^\d{6}$/.test(code)) return { error: "请输入 6 位验证码" }
  let token: string
  try {
    token = await member.signInWithPhone(phone, code)
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { error: "验证码不正确或已过期" }
    return explain(error, "登录失败")
  }
  return signedIn(token, text(form, "next"), form)
}

export async function register(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const { registration, problem } = readRegistrationForm(form)
  if (!registration) return { error: problem }
  const { email, password, profile, membership } = registration
  let token: string
  try {
    token = await member.registerWithPassword({
      email,
      password,
      last_name: profile.last_name || undefined,
      first_name: profile.first_name || undefined,
    })
  } catch (error) {
    if (error instanceof ApiError && /exist/i.test(error.message)) {
      return { error: "该邮箱已注册，请直接登录" }
    }
    return explain(error, "注册失败")
  }
  // The account exists now: if type or profile cannot be saved, the member finishes on
  // the profile page rather than registering again.
  try {
    await member.setMembership(token, membership)
    if (hasProfileExtras(registration)) await member.updateProfile(token, profile)
  } catch (error) {
    console.error("[account] registration details not saved", error)
    return signedIn(token, "/account/profile?registration=incomplete")
  }
  return signedIn(token, text(form, "next"), form)
}

export async function signOut(): Promise<void> {
  await clearToken()
  redirect("/")
}

/** A member already signed in opens the bind link: one tap binds their WeChat. */
export async function bindOfficialAccountNow(form: FormData): Promise<void> {
  const bindToken = readBindToken(form.get(OA_BIND_PARAM))
  const token = await readToken()
  if (!token) redirect("/account/sign-in")
  if (!bindToken) redirect("/account")
  redirect(bindOutcomePath(await bindOfficialAccount(token, bindToken)))
}
