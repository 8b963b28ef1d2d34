import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { toFen } from "../lib/money"
import { affiliateService } from "./steps/affiliate-service"

type RefundedPayment = {
  amount: unknown
  refunds?: { amount: unknown }[] | null
  payment_collection?: { order?: { id: string } | null } | null
}

/**
 * Brings the order's commission reversals up to everything refunded on the payment
 * so far: proportional for partial refunds, and replays (WeChat retries, event
 * redelivery) find nothing left to do.
 */
const reverseForRefundStep = createStep(
  "affiliate-reverse-for-refund",
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [payment],
    } = await query.graph({
      entity: "payment",
      fields: ["id", "amount", "refunds.amount", "payment_collection.order.id"],
      filters: { id: input.payment_id },
    })
    const refunded = payment as RefundedPayment | undefined
    const orderId = refunded?.payment_collection?.order?.id
    if (!refunded || !orderId) return new StepResponse({ entries: [] })
    const paid = toFen(refunded.amount as number)
    const total = (refunded.refunds ?? []).reduce((sum, r) => sum + toFen(r.amount as number), 0)
    return new StepResponse(
      await affiliateService(container).reverseOrderCommissions({
        order_id: orderId,
        refunded: total,
        paid,
        reason: "订单退款",
      })
    )
  }
)

export const reverseRefundedCommissionsWorkflow = createWorkflow(
  "affiliate-reverse-refunded-commissions",
  (input: { payment_id: string }) => new WorkflowResponse(reverseForRefundStep(input))
)

const reverseForCancellationStep = createStep(
  "affiliate-reverse-for-cancellation",
  async (input: { order_id: string }, { container }) =>
    new StepResponse(
      await affiliateService(container).reverseOrderCommissions({
        order_id: input.order_id,
        refunded: 1,
        paid: 1,
        reason: "订单取消",
      })
    )
)

/** A cancelled order takes back all of its commissions. */
export const reverseCanceledOrderCommissionsWorkflow = createWorkflow(
  "affiliate-reverse-canceled-order-commissions",
  (input: { order_id: string }) => new WorkflowResponse(reverseForCancellationStep(input))
)
