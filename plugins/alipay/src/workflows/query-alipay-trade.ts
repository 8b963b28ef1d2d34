import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queryAlipayTradeStep } from "./steps/query-alipay-trade-step"

/** Alipay's word on one trade (the pending-payment sweep asks it when a notification never came). */
export const queryAlipayTradeWorkflow = createWorkflow(
  "alipay-query-trade",
  (input: { out_trade_no: string }) => new WorkflowResponse(queryAlipayTradeStep(input))
)
