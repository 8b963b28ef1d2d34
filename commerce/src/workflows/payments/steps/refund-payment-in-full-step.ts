import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ONLINE_PAYMENT_PROVIDERS } from "../online-payment-providers"
import type { ProviderFullRefund } from "../unplaced-refund"

export type RefundPaymentInFullInput = {
  provider_id: string
  /** The session's provider data (its trade number, and what else the provider needs). */
  data: Record<string, unknown>
  /** Fen: what the provider says was paid. */
  paid_total: number
  /** Shown to the buyer by the provider where it shows one. */
  reason: string
}

/**
 * Refunds the whole trade through its provider's plugin workflow, under a refund number
 * derived from the trade, so a retry or a second worker refunds nothing more. No
 * compensation: money given back cannot be taken back.
 */
export const refundPaymentInFullStep = createStep(
  "refund-payment-in-full",
  async ({ provider_id, data, paid_total, reason }: RefundPaymentInFullInput, { container }) => {
    const provider = ONLINE_PAYMENT_PROVIDERS[provider_id]
    if (!provider) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${provider_id} 不是在线支付方式`)
    }
    return new StepResponse<ProviderFullRefund>(
      await provider.refundInFull(container, { data, paid_total, reason })
    )
  }
)
