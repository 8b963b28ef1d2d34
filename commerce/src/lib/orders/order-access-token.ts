import { createHmac, timingSafeEqual } from "crypto"

/** Long enough to come back to the confirmation page from the WeChat or mail link. */
export const ORDER_ACCESS_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60

/** A server secret: a string, or bytes as Medusa allows for its JWT secret. */
export type OrderAccessSecret = string | Buffer

function signature(secret: OrderAccessSecret, orderId: string, expiresAt: number): Buffer {
  return createHmac("sha256", secret).update(`order-access:${orderId}:${expiresAt}`).digest()
}

/**
 * A token that lets whoever placed an order read it without an account (guest checkout):
 * `<expiry seconds>.<HMAC of order id and expiry>`. Only the order's buyer receives it, at
 * cart completion; the order id alone grants nothing.
 */
export function signOrderAccessToken(
  secret: OrderAccessSecret,
  orderId: string,
  now = Date.now(),
  ttlSeconds = ORDER_ACCESS_TOKEN_TTL_SECONDS
): string {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds
  return `${expiresAt}.${signature(secret, orderId, expiresAt).toString("base64url")}`
}

/** True when `token` was signed for `orderId` with `secret` and has not expired. */
export function verifyOrderAccessToken(
  secret: OrderAccessSecret,
  orderId: string,
  token: unknown,
  now = Date.now()
): boolean {
  if (typeof token !== "string" || token.length > 200) return false
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return false
  const expiresAt = Number(match[1])
  if (expiresAt * 1000 <= now) return false
  const given = Buffer.from(match[2], "base64url")
  const expected = signature(secret, orderId, expiresAt)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

type SecretConfig = { projectConfig?: { http?: { cookieSecret?: unknown; jwtSecret?: unknown } } }

const usable = (secret: unknown): secret is OrderAccessSecret =>
  (typeof secret === "string" && secret.length > 0) || Buffer.isBuffer(secret)

/** ORDER_ACCESS_SECRET, else the cookie secret, else the JWT secret the app runs with. */
export function orderAccessSecret(config: SecretConfig, env = process.env): OrderAccessSecret {
  const http = config.projectConfig?.http
  const secret = [env.ORDER_ACCESS_SECRET, http?.cookieSecret, http?.jwtSecret].find(usable)
  if (!secret) throw new Error("ORDER_ACCESS_SECRET (or COOKIE_SECRET / JWT_SECRET) is not set")
  return secret
}
