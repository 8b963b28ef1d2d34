import { WechatApiError, type WechatLoginConfig } from "./code-to-session"

/** access_token invalid (40001, 40014) or expired (42001): fetch one and try once more. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001])

export const isRejectedToken = (errcode: number | undefined) =>
  errcode !== undefined && TOKEN_REJECTED.has(errcode)

type TokenCache = { token: string; expiresAt: number }
const tokens = new Map<string, TokenCache>()

/** A WeChat API call answering JSON (errcode and errmsg on failure). */
export async function wechatJson<T>(
  url: URL,
  init?: RequestInit
): Promise<T & { errcode?: number; errmsg?: string }> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(8000) })
  return (await response.json()) as T & { errcode?: number; errmsg?: string }
}

async function stableToken(config: WechatLoginConfig, forceRefresh: boolean) {
  const body = await wechatJson<{ access_token?: string; expires_in?: number }>(
    new URL("/cgi-bin/stable_token", config.apiBase),
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        grant_type: "client_credential",
        appid: config.appid,
        secret: config.secret,
        force_refresh: forceRefresh,
      }),
    }
  )
  if (body.errcode || !body.access_token) {
    throw new WechatApiError(body.errcode ?? 0, body.errmsg ?? "no access_token")
  }
  return { token: body.access_token, expiresIn: body.expires_in ?? 7200 }
}

/**
 * The mini-program's access_token from POST /cgi-bin/stable_token, which hands every
 * process of ours (API, workers) the same token instead of each new one invalidating the
 * last, as GET /cgi-bin/token does. Kept until a minute before it expires (WeChat renews a
 * stable token five minutes early and keeps the old one valid meanwhile).
 *
 * `rejected` is a token WeChat just refused: ask again normally first (another process or
 * WeChat may have renewed it), and force a refresh (20 a day, 30 s apart) only when WeChat
 * still hands back the token it refused.
 */
export async function accessToken(config: WechatLoginConfig, rejected?: string): Promise<string> {
  const key = `${config.apiBase}|${config.appid}`
  const cached = tokens.get(key)
  if (!rejected && cached && cached.expiresAt > Date.now()) return cached.token
  let fresh = await stableToken(config, false)
  if (rejected && fresh.token === rejected) fresh = await stableToken(config, true)
  const ttl = Math.max(fresh.expiresIn - 60, 30) * 1000
  tokens.set(key, { token: fresh.token, expiresAt: Date.now() + ttl })
  return fresh.token
}
