import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { affiliateService } from "./affiliate-service"
import { orderPaymentState } from "./order-payment-state"

/**
 * Copies the order's payment into the affiliate module once Medusa has it captured: the
 * commissions' hold starts, the referrer may be upgraded, and a completed order's
 * commissions mature at once. A cancelled or unpaid order changes nothing.
 */
export const syncOrderPaymentStep = createStep(
  "affiliate-sync-order-payment",
  async (input: { order_id: string | null }, { container }) => {
    const state = input.order_id ? await orderPaymentState(container, input.order_id) : null
    if (!state?.paid_at || state.status === "canceled") {
      return new StepResponse({ order_id: input.order_id, paid_at: null as Date | null })
    }
    await affiliateService(container).markOrderPaid({
      order_id: state.order_id,
      buyer_customer_id: state.customer_id,
      paid_at: state.paid_at,
      completed: state.status === "completed",
    })
    return new StepResponse({ order_id: state.order_id, paid_at: state.paid_at })
  }
)
