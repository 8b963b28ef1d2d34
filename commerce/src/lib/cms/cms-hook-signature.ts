import { createHmac, timingSafeEqual } from "crypto"
import { secretFromEnv } from "../config/secret-from-env"

/** How old a signed CMS call may be (and how far in the future), in seconds. */
export const CMS_HOOK_MAX_AGE_SECONDS = 5 * 60

/** The secret shared with the CMS (CMS_WEBHOOK_SECRET; never a published default). */
export const cmsWebhookSecret = (env: NodeJS.ProcessEnv = process.env) =>
  secretFromEnv("CMS_WEBHOOK_SECRET", env)

/** Hex HMAC-SHA256 of `${timestamp}.${body}`: what the CMS sends as x-cms-signature. */
export function signCmsHook(secret: string, timestamp: string | number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")
}

export type CmsHookCheck = { ok: true } | { ok: false; reason: string }

/**
 * Checks x-cms-timestamp and x-cms-signature against the raw body: a stale timestamp or
 * any signature that is not exactly ours fails (compared in constant time).
 */
export function verifyCmsHook(input: {
  secret: string
  timestamp: string | undefined
  signature: string | undefined
  body: string
  now?: number
}): CmsHookCheck {
  const { secret, timestamp, signature, body } = input
  if (!timestamp || !signature) {
    return { ok: false, reason: "缺少 x-cms-timestamp 或 x-cms-signature 请求头" }
  }
  const seconds = Number(timestamp)
  const now = Math.floor((input.now ?? Date.now()) / 1000)
  if (!/^\d+$/.test(timestamp) || Math.abs(now - seconds) > CMS_HOOK_MAX_AGE_SECONDS) {
    return { ok: false, reason: "x-cms-timestamp 超出 5 分钟有效期" }
  }
  const expected = Buffer.from(signCmsHook(secret, timestamp, body), "hex")
  const given = /^[0-9a-f]+$/i.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: "x-cms-signature 签名不匹配" }
  }
  return { ok: true }
}
