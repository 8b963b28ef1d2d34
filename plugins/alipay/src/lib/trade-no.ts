import { createHash } from "crypto"

/**
 * out_trade_no ↔ Medusa payment session id. Alipay allows 64 characters of letters, digits
 * and underscores; a session id ("payses_" + ULID) is one, so it is the trade number as is,
 * with "_a2", "_a3"… when a changed amount needs a new trade for the same session.
 */
export function outTradeNoFor(sessionId: string, attempt = 1): string {
  const tradeNo = `${sessionId}${attempt > 1 ? `_a${attempt}` : ""}`
  if (!/^[A-Za-z0-9_]{6,64}$/.test(tradeNo)) {
    throw new Error(`cannot derive out_trade_no from ${sessionId}`)
  }
  return tradeNo
}

export function sessionIdFor(outTradeNo: string): string {
  return outTradeNo.replace(/_a\d+$/, "")
}

/**
 * out_request_no, the refund's identity at Alipay (same number, same refund): from Medusa's
 * idempotency key (the refund's id) when it gives one, else from the refund's sequence.
 */
export function outRequestNoFor(
  outTradeNo: string,
  sequence: number,
  idempotencyKey?: string
): string {
  if (idempotencyKey) {
    return `RF${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40)}`
  }
  return `${outTradeNo.slice(0, 58)}_R${String(sequence).padStart(3, "0")}`
}

/** "yyyy-MM-dd HH:mm:ss" in China time: Alipay's time_expire and timestamps. */
export function shanghaiTime(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000)
  return shifted.toISOString().slice(0, 19).replace("T", " ")
}

/** The instant an Alipay "yyyy-MM-dd HH:mm:ss" (China time) names. */
export function parseShanghaiTime(text: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(text.trim())
  if (!match) throw new Error(`invalid Alipay time: ${text}`)
  return new Date(`${match[1]}T${match[2]}+08:00`)
}
