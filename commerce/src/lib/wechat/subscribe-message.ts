import { WechatApiError, wechatLoginConfigFromEnv, type WechatLoginConfig } from "./code-to-session"

/** errcode 43101: the user has not accepted (or has used up) this template's subscription. */
export const WECHAT_NOT_SUBSCRIBED = 43101
const TOKEN_INVALID = new Set([40001, 40014, 42001])

export type SubscribeMessage = {
  touser: string
  template_id: string
  /** A mini-program page, e.g. pages/article/index?slug=... */
  page?: string
  /** Template keywords, e.g. { thing1: { value: "标题" } }; thing values at most 20 characters. */
  data: Record<string, { value: string }>
}

type TokenCache = { token: string; expiresAt: number }
const tokens = new Map<string, TokenCache>()

async function wechatJson<T>(
  url: URL,
  init?: RequestInit
): Promise<T & { errcode?: number; errmsg?: string }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(8000) })
  return (await response.json()) as T & { errcode?: number; errmsg?: string }
}

/**
 * The mini-program's access_token from GET /cgi-bin/token (client_credential), kept until
 * five minutes before it expires; `refresh` fetches a new one after WeChat refused it.
 */
export async function accessToken(config: WechatLoginConfig, refresh = false): Promise<string> {
  const key = `${config.apiBase}|${config.appid}`
  const cached = tokens.get(key)
  if (!refresh && cached && cached.expiresAt > Date.now()) return cached.token
  const url = new URL("/cgi-bin/token", config.apiBase)
  url.search = new URLSearchParams({
    grant_type: "client_credential",
    appid: config.appid,
    secret: config.secret,
  }).toString()
  const body = await wechatJson<{ access_token?: string; expires_in?: number }>(url)
  if (body.errcode || !body.access_token) {
    throw new WechatApiError(body.errcode ?? 0, body.errmsg ?? "no access_token")
  }
  const ttl = Math.max((body.expires_in ?? 7200) - 300, 60) * 1000
  tokens.set(key, { token: body.access_token, expiresAt: Date.now() + ttl })
  return body.access_token
}

/**
 * Sends a subscribe message (订阅消息) through POST /cgi-bin/message/subscribe/send.
 * Resolves when WeChat answers errcode 0; throws WechatApiError otherwise (43101 when the
 * member has not subscribed to the template).
 */
export async function sendSubscribeMessage(
  message: SubscribeMessage,
  config: WechatLoginConfig = wechatLoginConfigFromEnv(),
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const body = JSON.stringify({
    ...message,
    miniprogram_state: env.WECHAT_MINIPROGRAM_STATE || "formal",
    lang: "zh_CN",
  })
  for (const refresh of [false, true]) {
    const url = new URL("/cgi-bin/message/subscribe/send", config.apiBase)
    url.search = new URLSearchParams({
      access_token: await accessToken(config, refresh),
    }).toString()
    const answer = await wechatJson(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    })
    if (!answer.errcode) return
    if (!refresh && TOKEN_INVALID.has(answer.errcode)) continue
    throw new WechatApiError(answer.errcode, answer.errmsg ?? "subscribe/send failed")
  }
}

/** A `thing` keyword value: WeChat refuses more than 20 characters. */
export const thingValue = (text: string) =>
  [...text].length > 20 ? `${[...text].slice(0, 19).join("")}…` : text
