import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkPushSubscription } from "../../../lib/web-push/check-push-subscription"
import { WEB_PUSH_SUBSCRIPTION_MODULE } from "../../../modules/web-push-subscription"
import type WebPushSubscriptionModuleService from "../../../modules/web-push-subscription/service"
import type {
  SaveWebPushSubscriptionInput,
  SavedWebPushSubscription,
} from "../../../modules/web-push-subscription/service"

/** Keeps the browser's subscription; undone by putting back what it replaced or pruned. */
export const saveWebPushSubscriptionStep = createStep(
  "save-web-push-subscription",
  async (input: SaveWebPushSubscriptionInput, { container }) => {
    checkPushSubscription(input)
    const saved = await container
      .resolve<WebPushSubscriptionModuleService>(WEB_PUSH_SUBSCRIPTION_MODULE)
      .saveSubscription(input)
    return new StepResponse(saved.subscription, saved)
  },
  async (saved: SavedWebPushSubscription | undefined, { container }) => {
    if (!saved) return
    const subscriptions = container.resolve<WebPushSubscriptionModuleService>(
      WEB_PUSH_SUBSCRIPTION_MODULE
    )
    if (!saved.previous) await subscriptions.deleteWebPushSubscriptions(saved.subscription.id)
    await subscriptions.restoreSubscriptions([
      ...(saved.previous ? [saved.previous] : []),
      ...saved.pruned,
    ])
  }
)
