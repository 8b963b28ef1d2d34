import { createHmac } from "crypto"
import { secretFromEnv } from "../secret-from-env"

/** The secret shared with commerce (CMS_WEBHOOK_SECRET; never a published default). */
export const cmsWebhookSecret = (env: NodeJS.ProcessEnv = process.env) =>
  secretFromEnv("CMS_WEBHOOK_SECRET", env)

/** Hex HMAC-SHA256 of `${timestamp}.${body}`: commerce checks it against the raw body. */
export function signCmsHook(secret: string, timestamp: number | string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")
}

/** Headers of a signed call: x-cms-timestamp (unix seconds) and x-cms-signature. */
export function signedHeaders(secret: string, body: string, now: number = Date.now()) {
  const timestamp = Math.floor(now / 1000)
  return {
    "content-type": "application/json",
    "x-cms-timestamp": String(timestamp),
    "x-cms-signature": signCmsHook(secret, timestamp, body),
  }
}
