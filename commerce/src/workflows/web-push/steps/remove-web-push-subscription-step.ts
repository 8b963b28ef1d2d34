import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WEB_PUSH_SUBSCRIPTION_MODULE } from "../../../modules/web-push-subscription"
import type WebPushSubscriptionModuleService from "../../../modules/web-push-subscription/service"
import type { WebPushSubscriptionRow } from "../../../modules/web-push-subscription/service"

/** Removes the member's own subscription at an endpoint; undone by restoring the row. */
export const removeWebPushSubscriptionStep = createStep(
  "remove-web-push-subscription",
  async (input: { customer_id: string; endpoint: string }, { container }) => {
    const removed = await container
      .resolve<WebPushSubscriptionModuleService>(WEB_PUSH_SUBSCRIPTION_MODULE)
      .removeSubscription(input.customer_id, input.endpoint)
    return new StepResponse({ deleted: removed !== null }, removed)
  },
  async (removed: WebPushSubscriptionRow | null | undefined, { container }) => {
    if (!removed) return
    await container
      .resolve<WebPushSubscriptionModuleService>(WEB_PUSH_SUBSCRIPTION_MODULE)
      .restoreSubscriptions([removed])
  }
)
