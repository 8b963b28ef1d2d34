import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeWebPushSubscriptionStep } from "./steps/remove-web-push-subscription-step"

/** A member switches 消息提醒 off in a browser, or signs out there. */
export const removeWebPushSubscriptionWorkflow = createWorkflow(
  "remove-web-push-subscription",
  (input: { customer_id: string; endpoint: string }) =>
    new WorkflowResponse(removeWebPushSubscriptionStep(input))
)
