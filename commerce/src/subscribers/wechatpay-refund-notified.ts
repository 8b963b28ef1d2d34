import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { REFUND_NOTIFIED_EVENT, type WechatRefund } from "@health/medusa-plugin-wechatpay"
import { recordWechatRefundStatusWorkflow } from "../workflows/payments/record-wechat-refund-status"

/** WeChat's verified REFUND.* callback: the refund's outcome is recorded (once). */
export default async function wechatpayRefundNotified({
  event,
  container,
}: SubscriberArgs<WechatRefund>) {
  await recordWechatRefundStatusWorkflow(container).run({ input: event.data })
}

export const config: SubscriberConfig = {
  event: REFUND_NOTIFIED_EVENT,
}
