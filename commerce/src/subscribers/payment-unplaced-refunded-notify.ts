import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type PaymentUnplacedRefundedEvent } from "../lib/events/domain-events"
import { notifyMember } from "../notifications/notify-member"
import { unplacedRefundNotice } from "../notifications/payments.zh-CN"
import { paymentMethodName } from "../workflows/payments/online-payment-providers"

/** Tells the member why an online payment came back without an order (once per refund). */
export default async function paymentUnplacedRefundedNotify({
  event,
  container,
}: SubscriberArgs<PaymentUnplacedRefundedEvent>) {
  const { customer_id, out_refund_no, amount, reason, provider_id } = event.data
  // A guest's cart: no inbox to write to.
  if (!customer_id) return
  await notifyMember(
    container,
    customer_id,
    unplacedRefundNotice({ out_refund_no, amount, reason, method: paymentMethodName(provider_id) })
  )
}

export const config: SubscriberConfig = {
  event: DomainEvent.PAYMENT_UNPLACED_REFUNDED,
}
