import { FINAL_REFUND_STATES, type RefundStatus } from "@health/medusa-plugin-wechatpay"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PaymentsJob, QUEUE_MODULE, QueueName, type JobQueue } from "../../../lib/queue/jobs"

/** How long to wait for WeChat's refund callback before asking (WECHAT_REFUND_CHECK_MS). */
export const FOLLOW_REFUND_DELAY_MS = () =>
  Number(process.env.WECHAT_REFUND_CHECK_MS || 10 * 60 * 1000)

/** Refunds to a bank card can take days; stop asking after a week of ten-minute checks. */
const MAX_REFUND_CHECKS = 7 * 24 * 6

/** Asks WeChat about the refund later (the follow-wechat-refund job), unless its callback comes first. */
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

export type RefundCheckInput = { out_refund_no: string; status: RefundStatus; checks: number }

/** While WeChat still says PROCESSING, and for at most a week, asks again later. */
export const scheduleWechatRefundCheckStep = createStep(
  "schedule-wechat-refund-check",
  async (input: RefundCheckInput, { container }) => {
    const settled = FINAL_REFUND_STATES.includes(input.status)
    const again = !settled && input.checks + 1 < MAX_REFUND_CHECKS
    if (again) await enqueueWechatRefundFollowUp(container, input.out_refund_no, input.checks + 1)
    return new StepResponse({ scheduled: again })
  }
)
