import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type PaymentUnplacedRefundedEvent } from "../lib/events/domain-events"
import { notifyMember } from "../notifications/notify-member"
import { unplacedRefundNotice } from "../notifications/payments.zh-CN"

/** Tells the member why a WeChat payment came back without an order (once per refund). */
export default async function paymentUnplacedRefundedNotify({
  event,
  container,
}: SubscriberArgs<PaymentUnplacedRefundedEvent>) {
  const { customer_id, out_refund_no, amount, reason } = event.data
  // A guest's cart: no inbox to write to.
  if (!customer_id) return
  await notifyMember(
    container,
    customer_id,
    unplacedRefundNotice({ out_refund_no, amount, reason })
  )
}

export const config: SubscriberConfig = {
  event: DomainEvent.PAYMENT_UNPLACED_REFUNDED,
}
