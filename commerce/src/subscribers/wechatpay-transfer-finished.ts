import { TRANSFER_FINISHED_EVENT } from "@health/medusa-plugin-wechatpay"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { settleWechatTransfer } from "../workflows/payouts/settle-wechat-transfer"

/** WeChat's verified transfer outcome settles the withdrawal it pays (once). */
export default async function wechatpayTransferFinished({
  event,
  container,
}: SubscriberArgs<{ out_bill_no: string; state: string; fail_reason?: string }>) {
  await settleWechatTransfer(container, event.data)
}

export const config: SubscriberConfig = {
  event: TRANSFER_FINISHED_EVENT,
}
