import { MedusaError } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { offlinePaymentRefusal } from "../../lib/payments/offline-payment-rule"

// Checked when the cart is completed, so no client can skip it by calling the API directly.
completeCartWorkflow.hooks.validate(async ({ cart }) => {
  const refusal = offlinePaymentRefusal(cart as never)
  if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
})
