import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { downloadUnionpayBillStep } from "./steps/download-unionpay-bill-step"

/** UnionPay's 流水文件 for one settlement day (YYYY-MM-DD), parsed: for reconciliation. */
export const downloadUnionpayBillWorkflow = createWorkflow(
  "unionpay-download-bill",
  (input: { bill_date: string }) => new WorkflowResponse(downloadUnionpayBillStep(input))
)
