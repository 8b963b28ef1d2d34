import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { queryUnionpayOrderStep, type UnionpayOrderKey } from "./steps/query-unionpay-order-step"

/** UnionPay's word on one order (the pending-payment sweep asks it when a notification never came). */
export const queryUnionpayOrderWorkflow = createWorkflow(
  "unionpay-query-order",
  (input: UnionpayOrderKey) => new WorkflowResponse(queryUnionpayOrderStep(input))
)
