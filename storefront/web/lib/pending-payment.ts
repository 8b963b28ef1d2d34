import type { Money } from "@health/core"
import { checkout, member } from "./backends"
import { readCartId } from "./cart-cookie"
import { readToken } from "./session"

export type PendingPayment = { cartId: string; total: Money; titles: string[]; expired: boolean }

/**
 * The visitor's checkout that opened WeChat Pay but was not paid, if any. It is not an
 * order yet (Medusa makes the order when the money arrives); `expired` once WeChat's
 * order has run out, when only submitting again helps.
 */
export async function pendingWechatPayment(now = new Date()): Promise<PendingPayment | null> {
  const cartId = await readCartId()
  if (!cartId) return null
  const pending = await checkout.wechatSession(cartId, await readToken()).catch(() => null)
  if (!pending?.payment || pending.cart.completed_at) return null
  const expiresAt = pending.payment.time_expire ? Date.parse(pending.payment.time_expire) : null
  return {
    cartId,
    total: pending.cart.total ?? 0,
    titles: (pending.cart.items ?? []).map((item) => item.product_title ?? item.title),
    expired: expiresAt !== null && expiresAt <= now.getTime(),
  }
}

/**
 * Every WeChat payment left open: this browser's checkout, and for a member also those
 * started on another device (commerce lists them), each once.
 */
export async function pendingWechatPayments(now = new Date()): Promise<PendingPayment[]> {
  const token = await readToken()
  const [here, elsewhere] = await Promise.all([
    pendingWechatPayment(now),
    token ? member.pendingPayments(token).catch(() => []) : Promise.resolve([]),
  ])
  const all: PendingPayment[] = here ? [here] : []
  for (const open of elsewhere) {
    if (all.some((p) => p.cartId === open.cart_id)) continue
    all.push({ cartId: open.cart_id, total: open.amount, titles: open.titles, expired: false })
  }
  return all
}
