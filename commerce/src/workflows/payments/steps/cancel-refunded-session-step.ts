import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { UnplacedRefund } from "../unplaced-refund"

export type PaidSession = {
  id: string
  amount: unknown
  currency_code: string
  data: Record<string, unknown>
}

/**
 * Marks the session canceled with its refund, so the provider never reports it paid again
 * and no replayed callback can still place the order.
 */
export const cancelRefundedSessionStep = createStep(
  "cancel-refunded-session",
  async ({ session, record }: { session: PaidSession; record: UnplacedRefund }, { container }) => {
    await container.resolve<IPaymentModuleService>(Modules.PAYMENT).updatePaymentSession({
      id: session.id,
      amount: session.amount as number,
      currency_code: session.currency_code,
      data: { ...session.data, unplaced_refund: record },
      status: "canceled",
    })
    return new StepResponse(session.id)
  }
)
