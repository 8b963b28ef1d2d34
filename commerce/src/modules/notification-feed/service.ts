import { container } from "@medusajs/framework"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { FeedNotice } from "../../notifications/member-notice"
import { INBOX_MODULE } from "../inbox"
import type InboxModuleService from "../inbox/service"

/**
 * The `feed` channel of Medusa's Notification Module: the member's in-app inbox (消息中心).
 * `to` is the customer id, `data` the rendered message (notifications/*.zh-CN.ts). The
 * inbox keeps one message per dedupe key, so a resend shows nothing twice. The inbox is
 * an app module the notification module cannot see, so it is taken from the app container.
 */
export class FeedNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-feed"

  async send(notification: ProviderSendNotificationDTO) {
    const feed = notification.data as Partial<FeedNotice> | null | undefined
    if (!notification.to || !feed?.title || !feed.body || !feed.dedupe_key) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `站内消息 ${notification.template} 缺少收件会员、标题、正文或去重键`
      )
    }
    const { message } = await container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
      customer_id: notification.to,
      category: feed.category,
      title: feed.title,
      body: feed.body,
      link: feed.link ?? null,
      dedupe_key: feed.dedupe_key,
    })
    return { id: message.id }
  }
}
