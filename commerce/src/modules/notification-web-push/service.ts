import { container } from "@medusajs/framework"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { webPushSettingsFromEnv } from "../../lib/web-push/vapid-settings"
import type { WebPushMessage } from "../../lib/web-push/web-push-message"
import { WEB_PUSH_SUBSCRIPTION_MODULE } from "../web-push-subscription"
import type WebPushSubscriptionModuleService from "../web-push-subscription/service"
import { pushAgentFromEnv, sendToBrowsers } from "./send-to-browsers"

/**
 * The `web-push` channel of Medusa's Notification Module: a browser notification on every
 * device where the member switched 消息提醒 on (storefront/web, its service worker shows it).
 * `to` is the customer id, `data` a WebPushMessage. A browser whose push service answers
 * 404 or 410 has dropped the subscription for good, so it is deleted here. The notification
 * fails only when no browser took the message and some could not be reached. The
 * subscriptions are an app module the notification module cannot see, so they are taken
 * from the app container (as the feed provider takes the inbox).
 */
export class WebPushNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-web-push"

  /** Built on the first send, so a wrong CA path fails a push, not the server's start. */
  private agent: ReturnType<typeof pushAgentFromEnv> | null = null

  async send(notification: ProviderSendNotificationDTO) {
    const message = notification.data as Partial<WebPushMessage> | null | undefined
    if (!notification.to || !message?.title || !message.link) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `消息提醒 ${notification.template} 缺少收件会员、标题或链接`
      )
    }
    const vapid = webPushSettingsFromEnv()
    if (!vapid) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "消息提醒未配置：请设置 WEB_PUSH_VAPID_PUBLIC_KEY、WEB_PUSH_VAPID_PRIVATE_KEY 和 WEB_PUSH_SUBJECT"
      )
    }
    const subscriptions = container.resolve<WebPushSubscriptionModuleService>(
      WEB_PUSH_SUBSCRIPTION_MODULE
    )
    const browsers = await subscriptions.subscriptionsOf(notification.to)
    const results = await sendToBrowsers(browsers, message as WebPushMessage, vapid, {
      agent: (this.agent ??= pushAgentFromEnv()),
    })
    const gone = results.filter((r) => r.result === "gone").map((r) => r.subscription_id)
    if (gone.length) await subscriptions.deleteWebPushSubscriptions(gone)
    const failed = results.filter((r) => r.result === "failed")
    if (failed.length && !results.some((r) => r.result === "delivered")) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `消息提醒未送达：${failed.map((r) => r.error ?? r.status).join("; ")}`
      )
    }
    return {}
  }
}
