import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  refundWechatOrderInFullStep,
  type RefundWechatOrderInFullInput,
} from "./steps/refund-wechat-order-in-full-step"

/** Gives back a whole paid order whose cart could not become an order (the shop's policy decides when). */
export const refundWechatOrderInFullWorkflow = createWorkflow(
  "wechatpay-refund-order-in-full",
  (input: RefundWechatOrderInFullInput) => new WorkflowResponse(refundWechatOrderInFullStep(input))
)
