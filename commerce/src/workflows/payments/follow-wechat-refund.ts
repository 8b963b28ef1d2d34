import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FollowWechatRefundJob } from "../../lib/queue/jobs"
import { queryWechatRefundStep } from "@health/medusa-plugin-wechatpay/workflows"
import { recordWechatRefundStatusStep } from "./steps/record-wechat-refund-status-step"
import { scheduleWechatRefundCheckStep } from "./steps/schedule-wechat-refund-check-step"

/**
 * The refund callback may never come: ask WeChat, record what it says, and ask again later
 * while it is still PROCESSING. Run by the payments queue's follow-wechat-refund job.
 */
export const followWechatRefundWorkflow = createWorkflow(
  "follow-wechat-refund",
  (job: FollowWechatRefundJob) => {
    const refund = queryWechatRefundStep({ out_refund_no: job.out_refund_no })
    const change = recordWechatRefundStatusStep(refund)
    const check = transform({ job, refund }, ({ job, refund }) => ({
      out_refund_no: job.out_refund_no,
      status: refund.status,
      checks: job.checks,
    }))
    scheduleWechatRefundCheckStep(check)
    return new WorkflowResponse(
      transform({ refund, change }, ({ refund, change }) => ({ status: refund.status, change }))
    )
  }
)
