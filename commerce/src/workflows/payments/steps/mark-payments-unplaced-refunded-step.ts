import type { IPaymentModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RefundedUnplacedPayment } from "./find-refunded-unplaced-payments-step"

/** Keeps the refund on each payment, which also marks it told (it is looked at once). */
export const markPaymentsUnplacedRefundedStep = createStep(
  "mark-payments-unplaced-refunded",
  async (payments: RefundedUnplacedPayment[], { container }) => {
    const service = container.resolve<IPaymentModuleService>(Modules.PAYMENT)
    for (const payment of payments) {
      // The module writes data as given; its DTO type only lists the other fields.
      await service.updatePayment({
        id: payment.payment_id,
        data: { ...payment.data, unplaced_refund: payment.record },
      } as Parameters<IPaymentModuleService["updatePayment"]>[0])
    }
    return new StepResponse(payments.map((payment) => payment.payment_id))
  }
)
