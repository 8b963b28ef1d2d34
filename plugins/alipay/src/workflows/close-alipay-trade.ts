import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { closeAlipayTradeStep } from "./steps/close-alipay-trade-step"

/** Closes one unpaid trade past its time (the sweep, before it drops the session). */
export const closeAlipayTradeWorkflow = createWorkflow(
  "alipay-close-trade",
  (input: { out_trade_no: string }) => new WorkflowResponse(closeAlipayTradeStep(input))
)
