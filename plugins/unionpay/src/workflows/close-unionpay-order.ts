import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { closeUnionpayOrderStep } from "./steps/close-unionpay-order-step"
import type { UnionpayOrderKey } from "./steps/query-unionpay-order-step"

/** One order past its payTimeout, settled as closed unless it was paid (the sweep, before it drops the session). */
export const closeUnionpayOrderWorkflow = createWorkflow(
  "unionpay-close-order",
  (input: UnionpayOrderKey) => new WorkflowResponse(closeUnionpayOrderStep(input))
)
