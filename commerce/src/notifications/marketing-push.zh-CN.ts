import { publicOrigin } from "../lib/config/public-origins"
import { MINIPROGRAM_PAGES } from "../lib/wechat/miniprogram-pages"
import { thingValue } from "../modules/wechat-platform/subscribe-message"
import type { OfficialAccountNotice } from "../modules/notification-wechat-oa/service"
import type { MemberNotice } from "./member-notice"

export type MarketingContent = { id: string; title: string; body: string; link: string | null }

/** The link a channel carries: through commerce, which records the click and redirects. */
export const trackedLink = (pushId: string, deliveryId: string) =>
  `${publicOrigin("commerce")}/hooks/marketing-pushes/${pushId}/click?m=${deliveryId}`

/** Once per push and member: every channel's idempotency key is built from it. */
export const marketingNoticeKey = (pushId: string, customerId: string) =>
  `marketing:${pushId}:${customerId}`

/**
 * A push of 推送中心 to one member (template `marketing`): the inbox message, a text
 * (the approved `article` template: the title only, no health detail) and a mini-program
 * subscribe message. `links` are the tracked links of each channel's delivery.
 */
export function marketingNotice(
  push: MarketingContent,
  customerId: string,
  links: { inbox?: string; wechat?: string }
): MemberNotice {
  const key = marketingNoticeKey(push.id, customerId)
  return {
    template: "marketing",
    key,
    feed: {
      category: "marketing",
      title: push.title,
      body: push.body,
      link: links.inbox ?? push.link,
      dedupe_key: key,
    },
    sms: { template: "article", params: { title: thingValue(push.title) } },
    wechat: {
      template_id: process.env.WECHAT_SUBSCRIBE_TEMPLATE_ARTICLE || "dev-article-template",
      page: MINIPROGRAM_PAGES.home,
      data: {
        thing1: { value: thingValue(push.title) },
        thing2: { value: thingValue(push.body) },
      },
    },
  }
}

/** The service account's template message of a push (WECHAT_OA_TEMPLATE_MARKETING). */
export function marketingOfficialAccountNotice(
  push: MarketingContent,
  link: string
): OfficialAccountNotice {
  return {
    template_id: process.env.WECHAT_OA_TEMPLATE_MARKETING || "dev-oa-marketing-template",
    url: link,
    data: {
      thing1: { value: thingValue(push.title) },
      thing2: { value: thingValue(push.body) },
    },
  }
}
