import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SaveWebPushSubscriptionInput } from "../../modules/web-push-subscription/service"
import { saveWebPushSubscriptionStep } from "./steps/save-web-push-subscription-step"

/**
 * A member switches 消息提醒 on in a browser: its push subscription is kept, checked first
 * (a known push service, well-formed keys), and inbox notices then also reach that browser.
 */
export const saveWebPushSubscriptionWorkflow = createWorkflow(
  "save-web-push-subscription",
  (input: SaveWebPushSubscriptionInput) => new WorkflowResponse(saveWebPushSubscriptionStep(input))
)
