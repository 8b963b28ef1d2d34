import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  refundUnionpayOrderInFullStep,
  type RefundUnionpayOrderInFullInput,
} from "./steps/refund-unionpay-order-in-full-step"

/** Gives back a whole paid order whose cart could not become an order (the shop's policy decides when). */
export const refundUnionpayOrderInFullWorkflow = createWorkflow(
  "unionpay-refund-order-in-full",
  (input: RefundUnionpayOrderInFullInput) =>
    new WorkflowResponse(refundUnionpayOrderInFullStep(input))
)
