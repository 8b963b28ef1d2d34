import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ARTICLE_PUSH_MODULE } from "../../modules/article-push"
import type ArticlePushModuleService from "../../modules/article-push/service"
import type { ChannelState } from "../../modules/article-push/service"
import { INBOX_MODULE } from "../../modules/inbox"
import type InboxModuleService from "../../modules/inbox/service"
import { smsSenderFromEnv } from "../sms/sms-sender-from-env"
import { WechatApiError } from "../wechat/code-to-session"
import { openidOfCustomer } from "../wechat/openid-of-customer"
import {
  sendSubscribeMessage,
  thingValue,
  WECHAT_NOT_SUBSCRIBED,
} from "../wechat/subscribe-message"
import type { PushedArticle } from "../queue/jobs"
import type { NotificationPreferences } from "./notification-preferences"
import { MINIPROGRAM_PAGES } from "../wechat/miniprogram-pages"

export type { PushedArticle }

export type PushRecipient = {
  id: string
  phone: string | null
  preferences: NotificationPreferences
}

const articleDedupeKey = (documentId: string, customerId: string) =>
  `article:${documentId}:${customerId}`

/**
 * Delivers one article to one member, once: the delivery row is claimed first and each
 * channel is marked when done, so a retried batch only does what is left. The inbox
 * always gets it; SMS and WeChat honour the member's opt-outs, and a failure there is
 * logged and recorded, not retried (the inbox message is the record).
 */
export async function deliverArticle(
  container: MedusaContainer,
  article: PushedArticle,
  member: PushRecipient
) {
  const pushes = container.resolve<ArticlePushModuleService>(ARTICLE_PUSH_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const delivery = await pushes.claimDelivery(article.document_id, member.id)

  if (!delivery.inbox) {
    await container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
      customer_id: member.id,
      category: "article",
      title: article.title,
      body: article.summary || "为您推荐一篇健康资讯，点击查看全文。",
      link: article.slug ? `/articles/${article.slug}` : null,
      dedupe_key: articleDedupeKey(article.document_id, member.id),
    })
    await pushes.markDelivery(delivery.id, { inbox: true })
  }

  if (delivery.sms === "pending") {
    let sms: ChannelState = "sent"
    if (!member.preferences.sms) sms = "opted_out"
    else if (!member.phone) sms = "no_phone"
    else {
      try {
        await smsSenderFromEnv().send({
          phone: member.phone,
          template: "article",
          params: { title: thingValue(article.title) },
        })
      } catch (error) {
        sms = "failed"
        logger.warn(`[push] article SMS to ${member.id} not sent: ${(error as Error).message}`)
      }
    }
    await pushes.markDelivery(delivery.id, { sms })
  }

  if (delivery.wechat === "pending") {
    let wechat: ChannelState = "sent"
    const openid = member.preferences.wechat ? await openidOfCustomer(container, member.id) : null
    if (!member.preferences.wechat) wechat = "opted_out"
    else if (!openid) wechat = "no_openid"
    else {
      try {
        await sendSubscribeMessage({
          touser: openid,
          template_id: process.env.WECHAT_SUBSCRIBE_TEMPLATE_ARTICLE || "dev-article-template",
          page: article.slug
            ? `${MINIPROGRAM_PAGES.article}?slug=${encodeURIComponent(article.slug)}`
            : MINIPROGRAM_PAGES.home,
          data: {
            thing1: { value: thingValue(article.title) },
            thing2: { value: thingValue(article.summary || "为您推荐的健康资讯") },
          },
        })
      } catch (error) {
        wechat =
          error instanceof WechatApiError && error.errcode === WECHAT_NOT_SUBSCRIBED
            ? "not_subscribed"
            : "failed"
        if (wechat === "failed") {
          logger.warn(`[push] WeChat message to ${member.id} not sent: ${(error as Error).message}`)
        }
      }
    }
    await pushes.markDelivery(delivery.id, { wechat })
  }
}
