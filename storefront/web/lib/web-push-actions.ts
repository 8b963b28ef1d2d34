"use server"

import type { BrowserPushSubscription } from "@health/core"
import { webPush } from "./backends"
import { memberActionError } from "./member-action-error"
import { readToken } from "./session"

export type WebPushActionResult = { error?: string }

const EXPIRED = { error: "登录已过期，请重新登录" }

const text = (value: unknown, max: number) =>
  typeof value === "string" && value.length > 0 && value.length <= max ? value : null

/** 开启消息提醒: keeps this browser's push subscription for the signed-in member. */
export async function saveWebPushSubscription(
  subscription: BrowserPushSubscription
): Promise<WebPushActionResult> {
  const token = await readToken()
  if (!token) return EXPIRED
  const endpoint = text(subscription?.endpoint, 2048)
  const p256dh = text(subscription?.keys?.p256dh, 200)
  const auth = text(subscription?.keys?.auth, 100)
  if (!endpoint || !p256dh || !auth) return { error: "浏览器的推送密钥无效，请刷新页面后重试" }
  try {
    await webPush.subscribe(token, { endpoint, keys: { p256dh, auth } })
    return {}
  } catch (error) {
    return memberActionError(error, "web-push")
  }
}

/** 关闭消息提醒 in this browser. */
export async function removeWebPushSubscription(endpoint: string): Promise<WebPushActionResult> {
  const token = await readToken()
  if (!token) return EXPIRED
  const value = text(endpoint, 2048)
  if (!value) return {}
  try {
    await webPush.unsubscribe(token, value)
    return {}
  } catch (error) {
    return memberActionError(error, "web-push")
  }
}
