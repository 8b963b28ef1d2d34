import { createHmac, timingSafeEqual } from "crypto"

/**
 * The insurer API's signature, both ways: HMAC-SHA256 (hex) with the shared secret over
 * `appId \n timestamp \n nonce \n body`, sent as X-Insurer-AppId / -Timestamp / -Nonce /
 * -Signature. Timestamps (Unix seconds) more than 5 minutes off are refused (replays).
 */
export const SIGNATURE_WINDOW_SECONDS = 300

export function insurerSignature(
  secret: string,
  parts: { app_id: string; timestamp: string; nonce: string; body: string }
): string {
  return createHmac("sha256", secret)
    .update(`${parts.app_id}\n${parts.timestamp}\n${parts.nonce}\n${parts.body}`, "utf8")
    .digest("hex")
}

export function insurerSignatureValid(
  secret: string,
  appId: string,
  headers: Record<string, string | undefined>,
  body: string,
  now = Date.now()
): boolean {
  const timestamp = headers["x-insurer-timestamp"] ?? ""
  const nonce = headers["x-insurer-nonce"] ?? ""
  const given = headers["x-insurer-signature"] ?? ""
  if (headers["x-insurer-appid"] !== appId || !/^\d{1,12}$/.test(timestamp) || !nonce) return false
  if (Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) return false
  const expected = Buffer.from(insurerSignature(secret, { app_id: appId, timestamp, nonce, body }))
  const actual = Buffer.from(given)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
