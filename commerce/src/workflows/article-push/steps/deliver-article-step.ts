import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PushedArticle } from "../../../lib/queue/jobs"
import { ARTICLE_PUSH_MODULE } from "../../../modules/article-push"
import type ArticlePushModuleService from "../../../modules/article-push/service"
import type { ChannelState } from "../../../modules/article-push/service"
import { articleNotice } from "../../../notifications/articles.zh-CN"
import { NotificationChannel } from "../../../notifications/channels"
import { notifyMember, type ChannelOutcome } from "../../../notifications/notify-member"
import type { PushRecipient } from "../load-member-tags"

/** How a channel's outcome is kept on the delivery row (a resend counts as sent). */
const channelState = (outcome: ChannelOutcome): ChannelState =>
  outcome === "already_sent" || outcome === "not_applicable" ? "sent" : outcome

/**
 * Delivers one article to one member, once: the delivery row is claimed first and each
 * channel is marked when done, so a retried batch only does what is left. The inbox
 * always gets it; SMS and WeChat honour the member's opt-outs (notify-member), and a
 * failure there is logged and recorded, not retried (the inbox message is the record).
 */
async function deliverArticle(
  container: MedusaContainer,
  article: PushedArticle,
  member: PushRecipient
) {
  const pushes = container.resolve<ArticlePushModuleService>(ARTICLE_PUSH_MODULE)
  const delivery = await pushes.claimDelivery(article.document_id, member.id)
  const notice = articleNotice(article, member.id)
  const contact = { phone: member.phone, preferences: member.preferences }

  if (!delivery.inbox) {
    await notifyMember(container, member.id, notice, {
      channels: [NotificationChannel.FEED],
      member: contact,
    })
    await pushes.markDelivery(delivery.id, { inbox: true })
  }
  for (const channel of [NotificationChannel.SMS, NotificationChannel.WECHAT] as const) {
    if (delivery[channel] !== "pending") continue
    const outcome = await notifyMember(container, member.id, notice, {
      channels: [channel],
      member: contact,
    })
    await pushes.markDelivery(delivery.id, { [channel]: channelState(outcome[channel]) })
  }
}

/**
 * Delivers the article to each member in turn. No compensation: a sent message cannot be
 * recalled, and the delivery rows make a re-run skip what was already done.
 */
export const deliverArticleStep = createStep(
  "deliver-article",
  async (
    { article, members }: { article: PushedArticle; members: PushRecipient[] },
    { container }
  ) => {
    for (const member of members) await deliverArticle(container, article, member)
    return new StepResponse({ delivered: members.length })
  }
)
