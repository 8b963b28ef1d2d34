import type { MedusaContainer } from "@medusajs/framework/types"
import { WechatpayClient } from "@health/medusa-plugin-wechatpay/lib/client"
import { resolveWechatpayConfig } from "@health/medusa-plugin-wechatpay/lib/config"
import { FINAL_REFUND_STATES, queryRefund } from "@health/medusa-plugin-wechatpay/lib/refunds"
import {
  PaymentsJob,
  QUEUE_MODULE,
  QueueName,
  type FollowWechatRefundJob,
  type JobQueue,
} from "../queue/jobs"
import { recordWechatRefundStatus } from "./wechat-refund-status"

/** How long to wait for WeChat's refund callback before asking (WECHAT_REFUND_CHECK_MS). */
export const FOLLOW_REFUND_DELAY_MS = () =>
  Number(process.env.WECHAT_REFUND_CHECK_MS || 10 * 60 * 1000)

/** Refunds to a bank card can take days; stop asking after a week of ten-minute checks. */
const MAX_REFUND_CHECKS = 7 * 24 * 6

export async function enqueueWechatRefundFollowUp(
  container: MedusaContainer,
  outRefundNo: string,
  checks = 0
) {
  await container
    .resolve<JobQueue>(QUEUE_MODULE)
    .enqueue(
      QueueName.PAYMENTS,
      PaymentsJob.FOLLOW_WECHAT_REFUND,
      { out_refund_no: outRefundNo, checks },
      { delay: FOLLOW_REFUND_DELAY_MS(), jobId: `follow-refund-${outRefundNo}-${checks}` }
    )
}

/**
 * The refund callback may never come: ask WeChat (GET /v3/refund/domestic/refunds/{no}),
 * record what it says, and ask again later while it is still PROCESSING.
 */
export async function followWechatRefund(container: MedusaContainer, job: FollowWechatRefundJob) {
  const config = resolveWechatpayConfig()
  const refund = await queryRefund(new WechatpayClient(config), job.out_refund_no)
  const change = await recordWechatRefundStatus(container, refund)
  const settled = FINAL_REFUND_STATES.includes(refund.status)
  if (!settled && job.checks + 1 < MAX_REFUND_CHECKS) {
    await enqueueWechatRefundFollowUp(container, job.out_refund_no, job.checks + 1)
  }
  return { status: refund.status, change }
}
