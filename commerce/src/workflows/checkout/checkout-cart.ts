import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { CheckoutPlan } from "./checkout-input"
import { setCheckoutContactStep } from "./steps/set-checkout-contact-step"
import { setLineTestMethodsStep } from "./steps/set-line-test-methods-step"
import { setCheckoutShippingStep } from "./steps/set-checkout-shipping-step"
import { setCheckoutStoreCreditStep } from "./steps/set-checkout-store-credit-step"
import { openCheckoutPaymentStep } from "./steps/open-checkout-payment-step"
import { setCheckoutMetadataStep } from "./steps/set-checkout-metadata-step"
import { placeCheckoutOrderStep } from "./steps/place-checkout-order-step"

/**
 * The whole checkout of one cart, from a plan checked beforehand (planCheckout): contact and
 * address, each line's test method, the shipping option they call for, store credit, the
 * share code and the payment session; then the order when nothing is paid online. A step
 * that fails undoes the ones before it, so a failed checkout leaves the cart as it was.
 */
export const checkoutCartWorkflow = createWorkflow("checkout-cart", (plan: CheckoutPlan) => {
  setCheckoutContactStep(plan)
  setLineTestMethodsStep(plan)
  setCheckoutShippingStep(plan)
  setCheckoutStoreCreditStep(plan)
  const payment = openCheckoutPaymentStep(plan)
  setCheckoutMetadataStep(plan)
  const order = placeCheckoutOrderStep(
    transform({ plan, payment }, ({ plan, payment }) => ({ cart_id: plan.cart_id, payment }))
  )
  return new WorkflowResponse(
    transform({ plan, payment, order }, ({ plan, payment, order }) => ({
      cart_id: plan.cart_id,
      payment_action: payment.action,
      amount_fen: payment.amount_fen,
      ...(order && { order }),
    }))
  )
})
