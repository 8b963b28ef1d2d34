import { createHash } from "crypto"

/**
 * ACP orderId: 8–40 letters and digits, no "-" or "_". A Medusa payment session id is
 * "payses_" + a 26-character ULID; the order id is the ULID, with "A2", "A3"… once the
 * amount changed and the session needed a new UnionPay order. Deterministic both ways.
 */
const SESSION_PREFIX = "payses_"

export function orderIdFor(sessionId: string, attempt = 1): string {
  const id = sessionId.startsWith(SESSION_PREFIX)
    ? sessionId.slice(SESSION_PREFIX.length)
    : sessionId
  const orderId = `${id}${attempt > 1 ? `A${attempt}` : ""}`
  if (!/^[A-Za-z0-9]{8,40}$/.test(orderId) || id.length !== 26)
    throw new Error(`cannot derive a UnionPay orderId from ${sessionId}`)
  return orderId
}

export function sessionIdFor(orderId: string): string {
  return `${SESSION_PREFIX}${orderId.slice(0, 26)}`
}

/**
 * A refund's orderId from Medusa's refund id (the idempotency key), so a retried refund is
 * the same refund at UnionPay; without one, from the payment and the refund's sequence.
 */
export function refundOrderIdFor(orderId: string, sequence: number, idempotencyKey?: string) {
  if (idempotencyKey)
    return `RF${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 30)}`
  return `${orderId.slice(0, 26)}R${String(sequence).padStart(3, "0")}`
}

/** The orderId of the same-day void (消费撤销) of a payment. */
export function voidOrderIdFor(orderId: string): string {
  return `${orderId.slice(0, 26)}V`
}
