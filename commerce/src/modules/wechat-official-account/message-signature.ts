import { createHash, timingSafeEqual } from "node:crypto"

/**
 * WeChat's signature of a server-URL request: sha1 of the parts sorted as strings and joined
 * (token, timestamp, nonce; in safe mode also the Encrypt field, as msg_signature).
 */
export function wechatSignature(...parts: string[]): string {
  return createHash("sha1")
    .update([...parts].sort().join(""))
    .digest("hex")
}

/** Whether `given` is the signature of `parts`, compared in constant time. */
export function signatureMatches(given: string | undefined, ...parts: string[]): boolean {
  if (!given || !/^[0-9a-f]{40}$/i.test(given)) return false
  return timingSafeEqual(Buffer.from(given.toLowerCase()), Buffer.from(wechatSignature(...parts)))
}

/** WeChat's timestamps are current; a request older or newer than this is a replay. */
export const TIMESTAMP_TOLERANCE_SECONDS = 300

export function timestampFresh(timestamp: string | undefined, now = Date.now()): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false
  return Math.abs(now / 1000 - Number(timestamp)) <= TIMESTAMP_TOLERANCE_SECONDS
}
