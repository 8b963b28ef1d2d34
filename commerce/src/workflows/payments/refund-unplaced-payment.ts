import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DOMAIN_EVENT_OPTIONS, DomainEvent } from "../../lib/events/domain-events"
import { UNPLACED_REFUND_TITLE } from "../../notifications/payments.zh-CN"
import { cancelRefundedSessionStep, type PaidSession } from "./steps/cancel-refunded-session-step"
import { refundPaymentInFullStep } from "./steps/refund-payment-in-full-step"
import { tellUnplacedRefundsStep, type UnplacedCart } from "./steps/tell-unplaced-refunds-step"
import type { UnplacedRefund } from "./unplaced-refund"

export type RefundUnplacedPaymentInput = {
  provider_id: string
  session: PaidSession
  cart: UnplacedCart
  /** Fen, as the provider reports it paid. */
  paid_total: number
  reason: string
}

/**
 * The buyer paid online (WeChat Pay, Alipay, UnionPay), but the cart could not become an
 * order (the store credit no longer covers it, a collection slot filled up, any other rule at
 * completion). The money must not stay with us: refund the whole trade, cancel the session
 * with the refund on it, and tell the member why (payment.unplaced_refunded). Run by the
 * payments queue's sweep of pending sessions.
 */
export const refundUnplacedPaymentWorkflow = createWorkflow(
  "refund-unplaced-payment",
  (input: RefundUnplacedPaymentInput) => {
    const refund = refundPaymentInFullStep(
      transform({ input }, ({ input }) => ({
        provider_id: input.provider_id,
        data: input.session.data,
        paid_total: input.paid_total,
        reason: UNPLACED_REFUND_TITLE,
      }))
    )
    const record = transform(
      { input, refund },
      ({ input, refund }): UnplacedRefund => ({
        ...refund,
        amount: input.paid_total,
        reason: input.reason,
        refunded_at: new Date().toISOString(),
        provider_id: input.provider_id,
      })
    )
    cancelRefundedSessionStep({ session: input.session, record })
    const events = tellUnplacedRefundsStep(
      transform({ input, record }, ({ input, record }) => [{ cart: input.cart, record }])
    )
    emitEventStep({
      eventName: DomainEvent.PAYMENT_UNPLACED_REFUNDED,
      data: events,
      options: DOMAIN_EVENT_OPTIONS,
    })
    return new WorkflowResponse(record)
  }
)
