import type { CartPaymentStatus } from "@health/contracts"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { orderPaymentStates } from "../orders/order-payment-state"
import { cartCheckoutState } from "./cart-checkout-state"
import { CHECKOUT_MESSAGES as M } from "./checkout-messages"
import { paymentActionOf } from "./payment-action-of"

type RefundRecord = { amount?: number; reason?: string }

const REFUNDED = "订单未能生成，已原路退款"

/** The record of money given back because the cart could not become an order, if any. */
function unplacedRefund(
  metadata: Record<string, unknown> | null,
  sessions: { data?: Record<string, unknown> | null }[]
): RefundRecord | null {
  const onCart = Object.entries(metadata ?? {}).find(
    ([key, value]) => key.endsWith("_unplaced_refund") && value && typeof value === "object"
  )?.[1] as RefundRecord | undefined
  const onSession = sessions
    .map((s) => s.data?.unplaced_refund as RefundRecord | undefined)
    .find((r) => r && typeof r === "object")
  return onCart ?? onSession ?? null
}

/**
 * `GET /store/carts/:id/payment-status`: what became of the cart's payment, read only; the
 * cart is completed by the provider's verified notification or the payments sweep, never
 * here. An order paid offline waits for finance (waiting, with the order); its expiry
 * cancels it (expired). A session past its time, or none left, is expired.
 */
export async function readPaymentStatus(
  container: MedusaContainer,
  cartId: string,
  now = new Date()
): Promise<CartPaymentStatus> {
  const state = await cartCheckoutState(container, cartId)
  if (!state) throw new MedusaError(MedusaError.Types.NOT_FOUND, M.cartGone)
  if (state.order) {
    const payment = (await orderPaymentStates(container, [state.order.id])).get(state.order.id)
    const order = state.order
    if (payment?.payment_status === "canceled") return { status: "expired", order }
    if (payment?.payment_offline && payment.payment_status !== "captured") {
      return { status: "waiting", order }
    }
    return { status: "paid", order }
  }
  const refund = unplacedRefund(state.metadata, state.sessions)
  if (refund) {
    return {
      status: "refunded",
      refund: { amount_fen: Number(refund.amount ?? 0), reason: refund.reason || REFUNDED },
    }
  }
  const live = state.sessions.find((s) => s.status !== "canceled")
  if (!live) return { status: "expired" }
  // Paid, its order being made right now by the notification: still waiting.
  if (live.status !== "pending") return { status: "waiting" }
  const action = paymentActionOf(live, now)
  if (action && "expires_at" in action && action.expires_at) {
    if (Date.parse(action.expires_at) <= now.getTime()) return { status: "expired" }
  }
  return { status: "waiting" }
}
