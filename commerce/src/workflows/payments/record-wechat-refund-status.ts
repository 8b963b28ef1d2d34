import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  recordWechatRefundStatusStep,
  type ReportedRefund,
} from "./steps/record-wechat-refund-status-step"

/** WeChat's verified REFUND.* callback: the refund's outcome is recorded (once). */
export const recordWechatRefundStatusWorkflow = createWorkflow(
  "record-wechat-refund-status",
  (refund: ReportedRefund) => new WorkflowResponse(recordWechatRefundStatusStep(refund))
)
