import { refundWechatOrderInFullStep } from "@health/medusa-plugin-wechatpay/workflows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DOMAIN_EVENT_OPTIONS, DomainEvent } from "../../lib/events/domain-events"
import {
  cancelRefundedWechatSessionStep,
  type PaidSession,
} from "./steps/cancel-refunded-wechat-session-step"
import { tellUnplacedRefundsStep, type UnplacedCart } from "./steps/tell-unplaced-refunds-step"
import { UNPLACED_REFUND_TITLE } from "../../notifications/payments.zh-CN"
import type { UnplacedRefund } from "./unplaced-refund"

export type RefundUnplacedWechatPaymentInput = {
  session: PaidSession
  cart: UnplacedCart
  /** Fen, as WeChat reports it paid. */
  paid_total: number
  reason: string
}

/**
 * The buyer paid WeChat, but the cart could not become an order (the store credit no longer
 * covers it, a collection slot filled up, any other rule at completion). The money must not
 * stay with us: refund the whole WeChat order, cancel the session with the refund on it, and
 * tell the member why (payment.unplaced_refunded). Run by the payments queue's reconcile job.
 */
export const refundUnplacedWechatPaymentWorkflow = createWorkflow(
  "refund-unplaced-wechat-payment",
  (input: RefundUnplacedWechatPaymentInput) => {
    const refund = refundWechatOrderInFullStep(
      transform({ input }, ({ input }) => ({
        out_trade_no: input.session.data.out_trade_no,
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
      })
    )
    cancelRefundedWechatSessionStep({ session: input.session, record })
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
