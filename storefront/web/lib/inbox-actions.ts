"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import type { AccountActionState } from "./account-actions"
import { inbox } from "./backends"
import { memberActionError } from "./member-action-error"
import { safeRedirectPath } from "./safe-redirect"
import { readToken } from "./session"

const EXPIRED = { error: "登录已过期，请重新登录" }

const ids = (form: FormData) => form.getAll("id").map(String).filter(Boolean).slice(0, 200)

/** Marks the listed messages read (the 全部标为已读 button sends every unread id shown). */
export async function markAllRead(form: FormData): Promise<void> {
  const token = await readToken()
  const chosen = ids(form)
  if (token && chosen.length) {
    await inbox.markRead(token, chosen).catch((error) => memberActionError(error, "inbox"))
  }
  revalidatePath("/", "layout")
}

/** Opens a message: marks it read, then follows its link. */
export async function openMessage(form: FormData): Promise<void> {
  const token = await readToken()
  const chosen = ids(form)
  if (token && chosen.length) {
    await inbox.markRead(token, chosen).catch((error) => memberActionError(error, "inbox"))
  }
  revalidatePath("/", "layout")
  // A message link never leaves the storefront.
  redirect(safeRedirectPath(form.get("link"), "/account/inbox"))
}

/** 短信/微信 switches; the inbox itself cannot be switched off. */
export async function saveNotificationPreferences(
  _state: AccountActionState,
  form: FormData
): Promise<AccountActionState> {
  const token = await readToken()
  if (!token) return EXPIRED
  try {
    await inbox.setPreferences(token, {
      sms: form.get("sms") === "on",
      wechat: form.get("wechat") === "on",
    })
  } catch (error) {
    return memberActionError(error, "notification-preferences")
  }
  revalidatePath("/account/inbox")
  return { notice: "消息设置已保存" }
}
