import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import {
  returnCartStoreCredit,
  spendCartStoreCredit,
  type StoreCreditSpend,
} from "@health/medusa-plugin-affiliate/workflows"
import { offlinePaymentRefusal } from "../../lib/payments/offline-payment-rule"

// Medusa allows one handler per hook, so every rule checked at completion lives here.
// Checked when the cart is completed, so no client can skip them by calling the API directly.
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const refusal = offlinePaymentRefusal(cart as never)
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
    // Last: it spends the member's balance, which the compensation gives back.
    const spend = await spendCartStoreCredit(container, cart as never)
    return new StepResponse(spend, spend)
  },
  async (spend: StoreCreditSpend | undefined, { container }) => {
    await returnCartStoreCredit(container, spend ?? null)
  }
)
