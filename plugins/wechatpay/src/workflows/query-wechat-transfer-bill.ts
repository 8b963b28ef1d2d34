import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queryWechatTransferBillStep } from "./steps/query-wechat-transfer-bill-step"

/** A transfer whose callback has not come: its state at WeChat now. */
export const queryWechatTransferBillWorkflow = createWorkflow(
  "wechatpay-query-transfer-bill",
  (input: { out_bill_no: string }) => new WorkflowResponse(queryWechatTransferBillStep(input))
)
