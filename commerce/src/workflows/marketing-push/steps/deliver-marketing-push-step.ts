import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MarketingChannel } from "../../../lib/marketing/marketing-channels"
import { MARKETING_PUSH_MODULE } from "../../../modules/marketing-push"
import type MarketingPushModuleService from "../../../modules/marketing-push/service"
import type { DeliveryState } from "../../../modules/marketing-push/service"
import { NotificationChannel } from "../../../notifications/channels"
import {
  marketingNotice,
  marketingNoticeKey,
  marketingOfficialAccountNotice,
  trackedLink,
  type MarketingContent,
} from "../../../notifications/marketing-push.zh-CN"
import { notifyMember } from "../../../notifications/notify-member"
import { sendOfficialAccountTemplate } from "../../official-account/send-template-message"
import type { PushRecipient } from "../../article-push/load-member-tags"

/** A resend the Notification Module held back was delivered the first time. */
const stateOf = (outcome: string): DeliveryState =>
  (outcome === "already_sent" || outcome === "not_applicable" ? "sent" : outcome) as DeliveryState

const NOTIFY_CHANNEL = {
  [MarketingChannel.INBOX]: NotificationChannel.FEED,
  [MarketingChannel.SMS]: NotificationChannel.SMS,
  [MarketingChannel.WECHAT]: NotificationChannel.WECHAT,
  [MarketingChannel.WEB_PUSH]: NotificationChannel.WEB_PUSH,
} as const

/**
 * Delivers one push to one member, once: the member's delivery rows (one per channel) are
 * claimed first and each is marked when its channel is done, so a retried batch sends only
 * what is still pending, and the Notification Module's idempotency key (push and member)
 * stops a channel that went out just before a crash. Opt-outs are honoured where each
 * channel is sent (notify-member, the official account's template sender).
 */
async function deliverPush(
  container: MedusaContainer,
  push: MarketingContent & { channels: string[] },
  member: PushRecipient
) {
  const pushes = container.resolve<MarketingPushModuleService>(MARKETING_PUSH_MODULE)
  const deliveries = await pushes.claimDeliveries(push.id, member.id, push.channels)
  const linkOf = (channel: string) => {
    const delivery = deliveries.find((d) => d.channel === channel)
    return delivery && push.link ? trackedLink(push.id, delivery.id) : undefined
  }
  const notice = marketingNotice(push, member.id, {
    inbox: linkOf(MarketingChannel.INBOX),
    wechat: linkOf(MarketingChannel.WECHAT),
  })
  const contact = { phone: member.phone, preferences: member.preferences }
  // The inbox first: web push announces the inbox message.
  const ordered = [...deliveries].sort(
    (a, b) =>
      Number(b.channel === MarketingChannel.INBOX) - Number(a.channel === MarketingChannel.INBOX)
  )
  for (const delivery of ordered) {
    if (delivery.state !== "pending") continue
    let state: DeliveryState
    if (delivery.channel === MarketingChannel.OFFICIAL_ACCOUNT) {
      state = stateOf(
        await sendOfficialAccountTemplate(container, {
          customer_id: member.id,
          notice_key: marketingNoticeKey(push.id, member.id),
          template: "marketing",
          notice: marketingOfficialAccountNotice(
            push,
            linkOf(MarketingChannel.OFFICIAL_ACCOUNT) ?? push.link ?? ""
          ),
        })
      )
    } else {
      const channel = NOTIFY_CHANNEL[delivery.channel as keyof typeof NOTIFY_CHANNEL]
      if (!channel) continue
      const outcome = await notifyMember(container, member.id, notice, {
        channels: [channel],
        member: contact,
      })
      state = stateOf(
        {
          [NotificationChannel.FEED]: outcome.feed,
          [NotificationChannel.SMS]: outcome.sms,
          [NotificationChannel.WECHAT]: outcome.wechat,
          [NotificationChannel.WEB_PUSH]: outcome.web_push,
        }[channel]
      )
    }
    await pushes.markDelivery(delivery.id, state)
  }
}

/**
 * Delivers the push to each member of a batch in turn. No compensation: a sent message
 * cannot be recalled, and the delivery rows make a re-run skip what was done.
 */
export const deliverMarketingPushStep = createStep(
  "deliver-marketing-push",
  async (
    input: { push: MarketingContent & { channels: string[] }; members: PushRecipient[] },
    { container }
  ) => {
    for (const member of input.members) await deliverPush(container, input.push, member)
    return new StepResponse({ delivered: input.members.length })
  }
)
