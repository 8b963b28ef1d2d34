import { createSign, createVerify, randomBytes, type KeyObject } from "crypto"

/**
 * WeChat Pay API v3 signatures (SHA256 with RSA, PKCS#1 v1.5, base64). Every message
 * that is signed is a list of lines, each ending with "\n".
 */
export function signLines(lines: string[], privateKey: KeyObject | string): string {
  return createSign("RSA-SHA256")
    .update(lines.map((line) => `${line}\n`).join(""))
    .sign(privateKey, "base64")
}

export function verifyLines(
  lines: string[],
  signature: string,
  publicKey: KeyObject | string
): boolean {
  try {
    return createVerify("RSA-SHA256")
      .update(lines.map((line) => `${line}\n`).join(""))
      .verify(publicKey, signature, "base64")
  } catch {
    return false
  }
}

export function nonce(): string {
  return randomBytes(16).toString("hex").toUpperCase()
}

export type MerchantCredentials = {
  mchid: string
  serialNo: string
  privateKey: KeyObject | string
}

/**
 * The request Authorization header: sign string `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`.
 */
export function authorizationHeader(
  credentials: MerchantCredentials,
  method: string,
  pathWithQuery: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  nonceStr = nonce()
): string {
  const signature = signLines(
    [method.toUpperCase(), pathWithQuery, String(timestamp), nonceStr, body],
    credentials.privateKey
  )
  return `WECHATPAY2-SHA256-RSA2048 mchid="${credentials.mchid}",nonce_str="${nonceStr}",signature="${signature}",timestamp="${timestamp}",serial_no="${credentials.serialNo}"`
}

export type ParsedAuthorization = {
  mchid: string
  nonce_str: string
  signature: string
  timestamp: string
  serial_no: string
}

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  const match = /^WECHATPAY2-SHA256-RSA2048\s+(.*)$/.exec(header ?? "")
  if (!match) return null
  const fields = Object.fromEntries(
    [...match[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]])
  )
  const required = ["mchid", "nonce_str", "signature", "timestamp", "serial_no"]
  return required.every((key) => fields[key]) ? (fields as ParsedAuthorization) : null
}

/** Headers WeChat Pay puts on responses and callbacks, and that our sandbox puts on its own. */
export type WechatpaySignatureHeaders = {
  timestamp: string
  nonce: string
  signature: string
  serial: string
}

export function signatureHeadersOf(
  headers: Record<string, unknown>
): WechatpaySignatureHeaders | null {
  const get = (name: string) => {
    const value = headers[name] ?? headers[name.toLowerCase()]
    return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value)
  }
  const timestamp = get("Wechatpay-Timestamp")
  const nonceStr = get("Wechatpay-Nonce")
  const signature = get("Wechatpay-Signature")
  const serial = get("Wechatpay-Serial")
  return timestamp && nonceStr && signature && serial
    ? { timestamp, nonce: nonceStr, signature, serial }
    : null
}

export type VerificationKeys = Record<string, KeyObject | string>

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: "missing_headers" | "unknown_serial" | "stale" | "bad_signature" }

/**
 * Verifies a response or callback: signature over `TIMESTAMP\nNONCE\nBODY\n` with the key of
 * `Wechatpay-Serial` (the WeChat Pay public key id, or a platform certificate serial), and
 * a timestamp within five minutes of now.
 */
export function verifyWechatpaySignature(
  headers: Record<string, unknown>,
  body: string,
  keys: VerificationKeys,
  now = Date.now(),
  toleranceSeconds = 300
): VerifyResult {
  const h = signatureHeadersOf(headers)
  if (!h) return { ok: false, reason: "missing_headers" }
  const key = keys[h.serial]
  if (!key) return { ok: false, reason: "unknown_serial" }
  const age = Math.abs(now / 1000 - Number(h.timestamp))
  if (!Number.isFinite(age) || age > toleranceSeconds) return { ok: false, reason: "stale" }
  return verifyLines([h.timestamp, h.nonce, body], h.signature, key)
    ? { ok: true }
    : { ok: false, reason: "bad_signature" }
}
