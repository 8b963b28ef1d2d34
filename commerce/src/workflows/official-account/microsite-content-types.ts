import type { NewsArticle } from "../../modules/wechat-official-account/official-account-api"

/** What 群发 can send: micro-site content from the CMS, or a product. */
export type MicrositeContentType = "article" | "landing_page" | "product"

/**
 * What a mass send sends: one micro-site item as a 图文消息 article (its thumb_media_id
 * still to be filled in), and the pictures that may be its cover, best first.
 */
export type MicrositeContent = { title: string; news: NewsArticle; cover_urls: string[] }
