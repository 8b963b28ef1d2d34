import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  refundAlipayTradeInFullStep,
  type RefundAlipayTradeInFullInput,
} from "./steps/refund-alipay-trade-in-full-step"

/** Gives back a whole paid trade whose cart could not become an order (the shop's policy decides when). */
export const refundAlipayTradeInFullWorkflow = createWorkflow(
  "alipay-refund-trade-in-full",
  (input: RefundAlipayTradeInFullInput) => new WorkflowResponse(refundAlipayTradeInFullStep(input))
)
