import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { downloadWechatBillStep } from "./steps/download-wechat-bill-step"

/** WeChat Pay's bills for one Beijing day (YYYY-MM-DD), parsed: for reconciliation. */
export const downloadWechatBillWorkflow = createWorkflow(
  "wechatpay-download-bill",
  (input: { bill_date: string }) => new WorkflowResponse(downloadWechatBillStep(input))
)
