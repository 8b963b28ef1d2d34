import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { sendSubscribeMessage } from "../wechat-platform/subscribe-message"
import type { WechatNotice } from "../../notifications/member-notice"

/**
 * The `wechat` channel of Medusa's Notification Module: a mini-program subscribe message
 * (订阅消息). `to` is the member's openid, `data` the template, page and keywords. WeChat's
 * refusal (43101 when the member has not subscribed) fails the notification with its
 * errcode in the message.
 */
export class WechatNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-wechat"

  async send(notification: ProviderSendNotificationDTO) {
    const wechat = notification.data as Partial<WechatNotice> | null | undefined
    if (!notification.to || !wechat?.template_id || !wechat.data) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `微信订阅消息 ${notification.template} 缺少 openid、模板或内容`
      )
    }
    await sendSubscribeMessage({
      touser: notification.to,
      template_id: wechat.template_id,
      page: wechat.page,
      data: wechat.data,
    })
    // subscribe/send answers no message id.
    return {}
  }
}
