import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  notificationPreferencesOf,
  type NotificationPreferences,
} from "../lib/push/notification-preferences"
import { openidOfCustomer } from "../modules/wechat-platform/openid-of-customer"
import { WEB_PUSH_SUBSCRIPTION_MODULE } from "../modules/web-push-subscription"
import type WebPushSubscriptionModuleService from "../modules/web-push-subscription/service"
import { webPushMessageOf } from "../lib/web-push/web-push-message"
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
  feed: "sent" | "already_sent" | "not_applicable"
  sms: ChannelOutcome
  wechat: ChannelOutcome
  /** 消息提醒 in the member's browsers, announcing the inbox message. */
  web_push: ChannelOutcome | "no_subscription"
}

export type NotifyMemberOptions = {
  /**
   * Only these channels (a resumed delivery); all by default. Web push rides with the inbox
   * message it announces, so it also goes whenever this call creates that message.
   */
  channels?: NotificationChannel[]
  /** The member's phone and preferences when the caller has them already (batches). */
  member?: { phone: string | null; preferences: NotificationPreferences }
}

/**
 * Sends one notice to a member through the Notification Module: the inbox always, with a
 * browser notification (web push) where the member switched 消息提醒 on; then, for a
 * notice that has them and only the first time it is sent, a text and a WeChat
 * message, each as the member's preferences allow (the one place they are read). Every
 * channel has its own idempotency key, so a redelivered event sends nothing twice. The
 * inbox message is the record: a text or WeChat message that cannot go out is logged,
 * not retried.
 */
export async function notifyMember(
  container: MedusaContainer,
  customerId: string,
  notice: MemberNotice,
  options: NotifyMemberOptions = {}
): Promise<MemberNoticeOutcome> {
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const wanted = new Set(options.channels ?? Object.values(NotificationChannel))
  const outcome: MemberNoticeOutcome = {
    feed: "not_applicable",
    sms: "not_applicable",
    wechat: "not_applicable",
    web_push: "not_applicable",
  }
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

  // Switching 消息提醒 on in a browser is the member's opt-in: without one, nothing is sent.
  const pushToBrowsers = async (): Promise<MemberNoticeOutcome["web_push"]> => {
    try {
      const browsers = container.resolve<WebPushSubscriptionModuleService>(
        WEB_PUSH_SUBSCRIPTION_MODULE
      )
      if (!(await browsers.hasSubscriptions(customerId))) return "no_subscription"
    } catch (error) {
      logger.warn(`[web-push] ${notice.template} to ${customerId}: ${(error as Error).message}`)
      return "failed"
    }
    return send(NotificationChannel.WEB_PUSH, customerId, webPushMessageOf(notice))
  }

  if (wanted.has(NotificationChannel.FEED)) {
    const created = await notifications.createNotifications({
      to: customerId,
      receiver_id: customerId,
      channel: NotificationChannel.FEED,
      template: notice.template,
      data: notice.feed,
      idempotency_key: `${notice.key}:${NotificationChannel.FEED}`,
    })
    outcome.feed = created ? "sent" : "already_sent"
    // Told before: the other channels had their one chance then.
    if (!created) return outcome
  }
  if (wanted.has(NotificationChannel.WEB_PUSH) || outcome.feed === "sent") {
    outcome.web_push = await pushToBrowsers()
  }
  const sms = wanted.has(NotificationChannel.SMS) ? notice.sms : undefined
  const wechat = wanted.has(NotificationChannel.WECHAT) ? notice.wechat : undefined
  if (!sms && !wechat) return outcome

  const member = options.member ?? (await memberContact(container, customerId))
  const { preferences } = member
  if (sms) {
    if (!preferences.sms) outcome.sms = "opted_out"
    else if (!member.phone) outcome.sms = "no_phone"
    else outcome.sms = await send(NotificationChannel.SMS, member.phone, sms)
  }
  if (wechat) {
    const openid = preferences.wechat ? await openidOfCustomer(container, customerId) : null
    if (!preferences.wechat) outcome.wechat = "opted_out"
    else if (!openid) outcome.wechat = "no_openid"
    else outcome.wechat = await send(NotificationChannel.WECHAT, openid, wechat)
  }
  return outcome
}

async function memberContact(container: MedusaContainer, customerId: string) {
  const {
    data: [customer],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "customer",
    fields: ["phone", "metadata"],
    filters: { id: customerId },
  })
  return {
    phone: (customer?.phone as string | null | undefined) ?? null,
    preferences: notificationPreferencesOf(customer?.metadata),
  }
}
