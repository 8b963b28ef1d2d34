"use server"

import { ApiError } from "@health/core"
import { redirect } from "next/navigation"
import { member } from "./backends"
import { bindPendingReferral } from "./referral"
import { clearToken, writeToken } from "./session"

export type AccountActionState = { error?: string; notice?: string } | undefined

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** Only same-site paths: a crafted `next` must not send members elsewhere. */
const safeNext = (value: string) => (/^\/(?!\/)/.test(value) ? value : "/account")

function explain(error: unknown, fallback: string): AccountActionState {
  if (error instanceof ApiError && error.status < 500) {
    if (error.status === 401) return { error: "账号或密码不正确" }
    return { error: error.message || fallback }
  }
  console.error("[account]", error)
  return { error: "网络繁忙，请稍后重试" }
}

async function signedIn(token: string, next: string): Promise<never> {
  await writeToken(token)
  const outcome = await bindPendingReferral(token)
  const query =
    typeof outcome === "object" ? `?referral=${encodeURIComponent(outcome.refused)}` : ""
  redirect(`${safeNext(next)}${query}`)
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
  return signedIn(token, text(form, "next"))
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
  return signedIn(token, text(form, "next"))
}

export async function register(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const email = text(form, "email")
  const password = String(form.get("password") ?? "")
  const name = text(form, "name")
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return { error: "请输入正确的邮箱地址" }
  if (password.length < 8) return { error: "密码至少 8 位" }
  if (password !== String(form.get("password_confirm") ?? ""))
    return { error: "两次输入的密码不一致" }
  if (!form.get("agree")) return { error: "请阅读并同意用户协议与隐私政策" }
  let token: string
  try {
    token = await member.registerWithPassword({
      email,
      password,
      last_name: name ? Array.from(name)[0] : undefined,
      first_name: name ? Array.from(name).slice(1).join("") : undefined,
    })
  } catch (error) {
    if (error instanceof ApiError && /exist/i.test(error.message)) {
      return { error: "该邮箱已注册，请直接登录" }
    }
    return explain(error, "注册失败")
  }
  return signedIn(token, text(form, "next"))
}

export async function signOut(): Promise<void> {
  await clearToken()
  redirect("/")
}
