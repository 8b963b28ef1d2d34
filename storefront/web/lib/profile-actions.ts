"use server"

import { messages, parseCnMobile } from "@health/core"
import { revalidatePath } from "next/cache"
import type { AccountActionState } from "./account-actions"
import { member } from "./backends"
import { memberActionError } from "./member-action-error"
import { readMembershipForm } from "./membership-form"
import { readProfileForm } from "./profile-form"
import { readToken } from "./session"

const EXPIRED = { error: "登录已过期，请重新登录" }

export async function saveProfile(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const { profile, problem } = readProfileForm(form)
  if (!profile) return { error: problem }
  try {
    await member.updateProfile(token, profile)
  } catch (error) {
    return memberActionError(error, "profile")
  }
  revalidatePath("/account", "layout")
  return { notice: "资料已保存" }
}

/** 个人会员 or 团体会员 with the company; commerce moves the member's customer group. */
export async function saveMembership(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const { membership, problem } = readMembershipForm(form)
  if (!membership) return { error: problem }
  try {
    await member.setMembership(token, membership)
  } catch (error) {
    return memberActionError(error, "membership")
  }
  revalidatePath("/account", "layout")
  return {
    notice: membership.type === "group" ? "已保存为团体会员，可享团体会员价" : "已保存为个人会员",
  }
}

/** Texts a code for binding; the number is checked again when the code comes back. */
export async function sendBindCode(phone: string): Promise<AccountActionState> {
  const digits = parseCnMobile(phone)
  if (!digits) return { error: messages.account.invalidPhone }
  try {
    await member.sendSmsCode(digits, "bind")
  } catch (error) {
    return memberActionError(error, "profile")
  }
  return { notice: "验证码已发送，5 分钟内有效" }
}

export async function bindPhone(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  const phone = parseCnMobile(String(form.get("phone") ?? ""))
  const code = String(form.get("code") ?? "").trim()
  if (!phone) return { error: messages.account.invalidPhone }
  if (!/^\d{6}$/.test(code)) return { error: messages.account.invalidCode }
  try {
    await member.bindPhone(token, phone, code)
  } catch (error) {
    return memberActionError(error, "profile")
  }
  revalidatePath("/account", "layout")
  return { notice: "手机号已绑定，今后可用该手机号验证码登录" }
}
