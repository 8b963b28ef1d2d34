import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DOMAIN_EVENT_OPTIONS, DomainEvent } from "../../lib/events/domain-events"
import { findRefundedUnplacedPaymentsStep } from "./steps/find-refunded-unplaced-payments-step"
import { markPaymentsUnplacedRefundedStep } from "./steps/mark-payments-unplaced-refunded-step"
import { tellUnplacedRefundsStep } from "./steps/tell-unplaced-refunds-step"

/**
 * When WeChat's callback completes a cart and the completion fails, Medusa's own
 * compensation refunds the captured payment (and opens a fresh session), silently. This
 * finds such payments since `since` (ISO time) and records and tells what happened, as the
 * reconcile job does for the refunds it makes itself. Returns the out_trade_no of each.
 */
export const noticeRefundedUnplacedPaymentsWorkflow = createWorkflow(
  "notice-refunded-unplaced-payments",
  (input: { since: string }) => {
    const payments = findRefundedUnplacedPaymentsStep(input)
    markPaymentsUnplacedRefundedStep(payments)
    const events = tellUnplacedRefundsStep(
      transform({ payments }, ({ payments }) =>
        payments.map(({ cart, record }) => ({ cart, record }))
      )
    )
    emitEventStep({
      eventName: DomainEvent.PAYMENT_UNPLACED_REFUNDED,
      data: events,
      options: DOMAIN_EVENT_OPTIONS,
    })
    return new WorkflowResponse(
      transform({ payments }, ({ payments }) => payments.map((p) => p.record.out_trade_no))
    )
  }
)
