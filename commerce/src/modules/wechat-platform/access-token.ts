import { sharedTokenCache, type TokenCache } from "./token-cache"
import { WechatApiError, wechatJson, type WechatLoginConfig } from "./wechat-api"

/** access_token invalid (40001, 40014) or expired (42001): fetch one and try once more. */
const TOKEN_REJECTED = new Set([40001, 40014, 42001])

export const isRejectedToken = (errcode: number | undefined) =>
  errcode !== undefined && TOKEN_REJECTED.has(errcode)

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
 * last, as GET /cgi-bin/token does. Kept in Redis until a minute before it expires (WeChat
 * renews a stable token five minutes early and keeps the old one valid meanwhile), so the
 * servers and workers ask WeChat once between them.
 *
 * `rejected` is a token WeChat just refused: ask again normally first (another process or
 * WeChat may have renewed it), and force a refresh (20 a day, 30 s apart) only when WeChat
 * still hands back the token it refused.
 */
export async function accessToken(
  config: WechatLoginConfig,
  rejected?: string,
  cache: TokenCache = sharedTokenCache()
): Promise<string> {
  const key = `${config.appid}|${config.apiBase}`
  if (!rejected) {
    const cached = await cache.get(key)
    if (cached) return cached
  }
  let fresh = await stableToken(config, false)
  if (rejected && fresh.token === rejected) fresh = await stableToken(config, true)
  await cache.set(key, fresh.token, Math.max(fresh.expiresIn - 60, 30) * 1000)
  return fresh.token
}
