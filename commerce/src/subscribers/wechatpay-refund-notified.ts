import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import {
  REFUND_NOTIFIED_EVENT,
  type WechatRefund,
} from "@health/medusa-plugin-wechatpay/lib/refunds"
import { recordWechatRefundStatus } from "../lib/payments/wechat-refund-status"

/** WeChat's verified REFUND.* callback: the refund's outcome is recorded (once). */
export default async function wechatpayRefundNotified({
  event,
  container,
}: SubscriberArgs<WechatRefund>) {
  await recordWechatRefundStatus(container, event.data)
}

export const config: SubscriberConfig = {
  event: REFUND_NOTIFIED_EVENT,
}
