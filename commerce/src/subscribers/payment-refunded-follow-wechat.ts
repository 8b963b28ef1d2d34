import { WECHATPAY_PROVIDER_ID } from "@health/medusa-plugin-wechatpay"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys, PaymentEvents } from "@medusajs/framework/utils"
import { enqueueWechatRefundFollowUp } from "../workflows/payments/steps/schedule-wechat-refund-check-step"

type RefundEntry = { out_refund_no: string; status: string }

/**
 * A WeChat refund that is still PROCESSING is asked about later (the callback may be lost),
 * until WeChat says SUCCESS, CLOSED or ABNORMAL.
 */
export default async function paymentRefundedFollowWechat({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "provider_id", "data"],
    filters: { id: event.data.id },
  })
  const payment = data[0] as { provider_id: string; data?: { refunds?: RefundEntry[] } } | undefined
  if (payment?.provider_id !== WECHATPAY_PROVIDER_ID) return
  for (const refund of payment.data?.refunds ?? []) {
    if (refund.status === "PROCESSING") {
      await enqueueWechatRefundFollowUp(container, refund.out_refund_no)
    }
  }
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
}
