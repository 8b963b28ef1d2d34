import { createHash } from "crypto"

/**
 * out_trade_no ↔ Medusa payment session id. WeChat allows 32 characters of [A-Za-z0-9_-];
 * a session id is "payses_" + a 26-character ULID, so the mapping is "PS" + the ULID and
 * back, deterministic in both directions.
 */
const SESSION_PREFIX = "payses_"
const TRADE_PREFIX = "PS"

export function outTradeNoFor(sessionId: string, attempt = 1): string {
  const id = sessionId.startsWith(SESSION_PREFIX)
    ? sessionId.slice(SESSION_PREFIX.length)
    : sessionId
  // A changed amount needs a new WeChat order for the same session: PS<ulid>-2, -3, …
  const tradeNo = `${TRADE_PREFIX}${id}${attempt > 1 ? `-${attempt}` : ""}`
  if (!/^[A-Za-z0-9_-]{6,32}$/.test(tradeNo))
    throw new Error(`cannot derive out_trade_no from ${sessionId}`)
  return tradeNo
}

export function sessionIdFor(outTradeNo: string): string {
  const base = outTradeNo.replace(/-\d+$/, "")
  return base.startsWith(TRADE_PREFIX)
    ? `${SESSION_PREFIX}${base.slice(TRADE_PREFIX.length)}`
    : base
}

/**
 * out_refund_no: from Medusa's idempotency key when it gives one, else from the payment and
 * the refund's sequence number, so a retried refund is the same refund at WeChat.
 */
export function outRefundNoFor(
  outTradeNo: string,
  sequence: number,
  idempotencyKey?: string
): string {
  if (idempotencyKey) {
    return `RF${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 30)}`
  }
  return `${outTradeNo.replace(/-\d+$/, "").slice(0, 28)}R${String(sequence).padStart(3, "0")}`
}

/** RFC 3339 in China time, as WeChat expects for time_expire. */
export function rfc3339Shanghai(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000)
  return `${shifted.toISOString().slice(0, 19)}+08:00`
}
