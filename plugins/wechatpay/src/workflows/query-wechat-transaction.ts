import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queryWechatTransactionStep } from "./steps/query-wechat-transaction-step"

/** WeChat's word on one order (the pending-payment sweep asks it when a callback never came). */
export const queryWechatTransactionWorkflow = createWorkflow(
  "wechatpay-query-transaction",
  (input: { out_trade_no: string }) => new WorkflowResponse(queryWechatTransactionStep(input))
)
