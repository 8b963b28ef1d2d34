import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import type { OpenedPayment } from "./open-checkout-payment-step"

export type PlacedOrder = { id: string; display_id: number } | null

/**
 * Places the order when nothing waits for a provider: store credit paid all, or offline
 * payment (finance confirms it later; the order waits for that before anything ships).
 * Online payments are completed by the provider's verified notification or the payments
 * sweep, never here. Last step: Medusa's completion compensates itself when it fails.
 */
export const placeCheckoutOrderStep = createStep(
  "checkout-place-order",
  async (input: { cart_id: string; payment: OpenedPayment }, { container }) => {
    if (!input.payment.place_order) return new StepResponse<PlacedOrder>(null)
    const { result } = await completeCartWorkflow(container).run({ input: { id: input.cart_id } })
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "display_id"],
      filters: { id: result.id },
    })
    return new StepResponse<PlacedOrder>({ id: result.id, display_id: Number(data[0]?.display_id) })
  }
)
