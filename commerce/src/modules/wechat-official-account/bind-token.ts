import { createHmac, timingSafeEqual } from "node:crypto"

/** How long a bind link works after it is sent. */
export const BIND_TOKEN_TTL_SECONDS = 30 * 60

/**
 * The token of a bind link (绑定会员): the follower's openid and an expiry, signed with a key
 * derived from the account's secret, so only our server makes them and a leaked old link
 * stops working. `<payload>.<signature>`, both base64url.
 */
export function signBindToken(openid: string, secret: string, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ o: openid, e: Math.floor(now / 1000) + BIND_TOKEN_TTL_SECONDS })
  ).toString("base64url")
  return `${payload}.${mac(payload, secret)}`
}

/** The openid of a valid, unexpired bind token, or null. */
export function verifyBindToken(token: string, secret: string, now = Date.now()): string | null {
  const [payload, signature, extra] = token.split(".")
  if (!payload || !signature || extra !== undefined || !secret) return null
  const expected = Buffer.from(mac(payload, secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const { o, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"))
    if (typeof o !== "string" || !o || typeof e !== "number") return null
    return e * 1000 >= now ? o : null
  } catch {
    return null
  }
}

function mac(payload: string, secret: string): string {
  return createHmac("sha256", `wechat-oa-bind:${secret}`).update(payload).digest("base64url")
}
