import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { downloadAlipayBillStep } from "./steps/download-alipay-bill-step"

/** Alipay's trade bill for one Beijing day (YYYY-MM-DD), parsed: for reconciliation. */
export const downloadAlipayBillWorkflow = createWorkflow(
  "alipay-download-bill",
  (input: { bill_date: string }) => new WorkflowResponse(downloadAlipayBillStep(input))
)
