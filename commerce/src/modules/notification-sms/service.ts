import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { SmsNotice } from "../../notifications/member-notice"
import type { SmsSender } from "../../lib/sms/sms-sender"
import { smsSenderFromEnv } from "../../lib/sms/sms-sender-from-env"

/**
 * The `sms` channel of Medusa's Notification Module: Aliyun SMS (SMS_PROVIDER=aliyun) or,
 * outside production, the log sender. `to` is the phone, `data` the approved template
 * and its parameters. The sender is read from the environment per message, as the
 * sign-in codes do, so both always use the same vendor.
 */
export class SmsNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "notification-sms"

  constructor(
    _deps: unknown,
    private readonly options: { sender?: () => SmsSender } = {}
  ) {
    super()
  }

  async send(notification: ProviderSendNotificationDTO) {
    const sms = notification.data as Partial<SmsNotice> | null | undefined
    if (!notification.to || !sms?.template || !sms.params) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `短信 ${notification.template} 缺少有效的手机号、模板或参数`
      )
    }
    const sender = this.options.sender?.() ?? smsSenderFromEnv()
    const { messageId } = await sender.send({
      phone: notification.to,
      template: sms.template,
      params: sms.params,
    })
    return { id: messageId }
  }
}
