import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { closeWechatTransactionStep } from "./steps/close-wechat-transaction-step"

/** Closes one unpaid order past its time_expire (the sweep, before it drops the session). */
export const closeWechatTransactionWorkflow = createWorkflow(
  "wechatpay-close-transaction",
  (input: { out_trade_no: string }) => new WorkflowResponse(closeWechatTransactionStep(input))
)
