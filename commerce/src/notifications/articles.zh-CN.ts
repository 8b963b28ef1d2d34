import type { PushedArticle } from "../lib/queue/jobs"
import { MINIPROGRAM_PAGES } from "../lib/wechat/miniprogram-pages"
import { thingValue } from "../modules/wechat-platform/subscribe-message"
import type { MemberNotice } from "./member-notice"

/**
 * A published article pushed to one member whose tags it matches (template `article`):
 * the inbox, a text with its title, and a WeChat message opening it in the mini-program.
 */
export function articleNotice(article: PushedArticle, customerId: string): MemberNotice {
  const key = `article:${article.document_id}:${customerId}`
  return {
    template: "article",
    key,
    feed: {
      category: "article",
      title: article.title,
      body: article.summary || "为您推荐一篇健康资讯，点击查看全文。",
      link: article.slug ? `/articles/${article.slug}` : null,
      dedupe_key: key,
    },
    sms: { template: "article", params: { title: thingValue(article.title) } },
    wechat: {
      template_id: process.env.WECHAT_SUBSCRIBE_TEMPLATE_ARTICLE || "dev-article-template",
      page: article.slug
        ? `${MINIPROGRAM_PAGES.article}?slug=${encodeURIComponent(article.slug)}`
        : MINIPROGRAM_PAGES.home,
      data: {
        thing1: { value: thingValue(article.title) },
        thing2: { value: thingValue(article.summary || "为您推荐的健康资讯") },
      },
    },
  }
}
