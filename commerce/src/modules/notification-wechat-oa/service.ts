import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { officialAccountConfigFromEnv } from "../wechat-official-account/config"
import {
  sendTemplateMessage,
  type TemplateMessage,
} from "../wechat-official-account/official-account-api"

/** What the `wechat-oa` channel's `data` holds: a template message but its recipient. */
export type OfficialAccountNotice = Omit<TemplateMessage, "touser">

/**
 * The `wechat-oa` channel of Medusa's Notification Module: a template message (模板消息) of
 * the service account. `to` is the member's openid of that account. WeChat's refusal
 * (43004 when the user does not follow) fails the notification with its errcode.
 */
export class OfficialAccountNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-wechat-oa"

  async send(notification: ProviderSendNotificationDTO) {
    const notice = notification.data as Partial<OfficialAccountNotice> | null | undefined
    if (!notification.to || !notice?.template_id || !notice.data) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `公众号模板消息 ${notification.template} 缺少 openid、模板或内容`
      )
    }
    const config = officialAccountConfigFromEnv()
    if (!config) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "公众号未配置")
    const { msgid } = await sendTemplateMessage(config, {
      touser: notification.to,
      template_id: notice.template_id,
      url: notice.url,
      miniprogram: notice.miniprogram,
      data: notice.data,
    })
    return msgid === null ? {} : { id: String(msgid) }
  }
}
