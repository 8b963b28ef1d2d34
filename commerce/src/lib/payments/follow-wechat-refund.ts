import type { MedusaContainer } from "@medusajs/framework/types"
import { WechatpayClient } from "@health/medusa-plugin-wechatpay/lib/client"
import { resolveWechatpayConfig } from "@health/medusa-plugin-wechatpay/lib/config"
import { FINAL_REFUND_STATES, queryRefund } from "@health/medusa-plugin-wechatpay/lib/refunds"
import { QUEUE_MODULE, QueueName } from "../queue/queue-names"
import type QueueModuleService from "../../modules/queue/service"
import { recordWechatRefundStatus } from "./wechat-refund-status"

/** Payments-queue job: ask WeChat about a refund that was still PROCESSING. */
export const FOLLOW_WECHAT_REFUND_JOB = "follow-wechat-refund"

export type FollowWechatRefundJob = { out_refund_no: string; checks: number }

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
    .resolve<QueueModuleService>(QUEUE_MODULE)
    .enqueue<FollowWechatRefundJob>(
      QueueName.PAYMENTS,
      FOLLOW_WECHAT_REFUND_JOB,
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
