import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { notificationPreferencesOf } from "../lib/push/notification-preferences"
import { openidOfCustomer } from "../modules/wechat-platform/openid-of-customer"
import { NotificationChannel, WECHAT_NOT_SUBSCRIBED_PATTERN } from "./channels"
import type { MemberNotice } from "./member-notice"

export type ChannelOutcome =
  | "sent"
  | "already_sent"
  | "opted_out"
  | "no_phone"
  | "no_openid"
  | "not_subscribed"
  | "failed"
  | "not_applicable"

export type MemberNoticeOutcome = {
  feed: "sent" | "already_sent"
  sms: ChannelOutcome
  wechat: ChannelOutcome
}

/**
 * Sends one notice to a member through the Notification Module: the inbox always, then,
 * for a notice that has them and only the first time it is sent, a text and a WeChat
 * message, each as the member's preferences allow (the one place they are read). Every
 * channel has its own idempotency key, so a redelivered event sends nothing twice. The
 * inbox message is the record: a text or WeChat message that cannot go out is logged,
 * not retried.
 */
export async function notifyMember(
  container: MedusaContainer,
  customerId: string,
  notice: MemberNotice
): Promise<MemberNoticeOutcome> {
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const created = await notifications.createNotifications({
    to: customerId,
    receiver_id: customerId,
    channel: NotificationChannel.FEED,
    template: notice.template,
    data: notice.feed,
    idempotency_key: `${notice.key}:${NotificationChannel.FEED}`,
  })
  const outcome: MemberNoticeOutcome = {
    feed: created ? "sent" : "already_sent",
    sms: "not_applicable",
    wechat: "not_applicable",
  }
  if (!created || (!notice.sms && !notice.wechat)) return outcome

  const {
    data: [customer],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["phone", "metadata"],
    filters: { id: customerId },
  })
  const preferences = notificationPreferencesOf(customer?.metadata)
  const send = async (
    channel: NotificationChannel,
    to: string,
    data: object
  ): Promise<ChannelOutcome> => {
    try {
      const sent = await notifications.createNotifications({
        to,
        receiver_id: customerId,
        channel,
        template: notice.template,
        data: data as Record<string, unknown>,
        idempotency_key: `${notice.key}:${channel}`,
      })
      return sent ? "sent" : "already_sent"
    } catch (error) {
      const message = (error as Error).message
      if (channel === NotificationChannel.WECHAT && WECHAT_NOT_SUBSCRIBED_PATTERN.test(message)) {
        return "not_subscribed"
      }
      logger.warn(`[${channel}] ${notice.template} to ${customerId} not sent: ${message}`)
      return "failed"
    }
  }

  if (notice.sms) {
    if (!preferences.sms) outcome.sms = "opted_out"
    else if (!customer?.phone) outcome.sms = "no_phone"
    else outcome.sms = await send(NotificationChannel.SMS, customer.phone, notice.sms)
  }
  if (notice.wechat) {
    const openid = preferences.wechat ? await openidOfCustomer(container, customerId) : null
    if (!preferences.wechat) outcome.wechat = "opted_out"
    else if (!openid) outcome.wechat = "no_openid"
    else outcome.wechat = await send(NotificationChannel.WECHAT, openid, notice.wechat)
  }
  return outcome
}
