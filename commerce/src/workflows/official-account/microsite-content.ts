import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE } from "../../lib/cms/cms-reader"
import { publicOrigin } from "../../lib/config/public-origins"
import type { MicrositeContent, MicrositeContentType } from "./microsite-content-types"
import { micrositeProductContent } from "./microsite-product-content"
import { escapeHtml, paragraphs } from "./news-html"
import { OFFICIAL_ACCOUNT_TEXT as T } from "./official-account.zh-CN"

type CmsContentType = Exclude<MicrositeContentType, "product">

const COLLECTIONS: Record<CmsContentType, { api: string; page: string }> = {
  article: { api: "articles", page: "articles" },
  landing_page: { api: "landing-pages", page: "landing" },
}

// Answered 503 in Chinese by the app's error handler (chinese-error-answer.ts).
const cmsDown = () =>
  new MedusaError(MedusaError.Types.UNEXPECTED_STATE, T.massCmsUnavailable, CMS_UNAVAILABLE_CODE)

const text = (value: unknown) => (typeof value === "string" ? value : "")

type StrapiPicture = { url?: unknown; formats?: Record<string, { url?: unknown }> | null }

/**
 * A Strapi media field's URLs, smallest format first (WeChat takes a thumb of 64 KB at
 * most), absolute: the local upload provider answers paths under the CMS.
 */
function pictureUrls(picture: unknown, base: string): string[] {
  if (!picture || typeof picture !== "object") return []
  const { url, formats } = picture as StrapiPicture
  return [formats?.thumbnail?.url, formats?.small?.url, url]
    .map(text)
    .filter(Boolean)
    .map((u) => new URL(u, `${base}/`).toString())
}

/**
 * One micro-site item for 群发: a product (flagged 发布到微官网 in the admin), or a published
 * CMS article or landing page whose editor flagged it `publish_to_microsite`. 群发 sends
 * nothing else: 404 when it is not published, 400 when not flagged, 503 when the CMS does
 * not answer.
 */
export function micrositeContent(
  container: MedusaContainer,
  type: MicrositeContentType,
  id: string
): Promise<MicrositeContent> {
  if (type === "product") return micrositeProductContent(container, id)
  return cmsMicrositeContent(type, id)
}

async function cmsMicrositeContent(
  type: CmsContentType,
  documentId: string
): Promise<MicrositeContent> {
  const base = (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")
  const token = process.env.CMS_API_TOKEN
  const { api, page } = COLLECTIONS[type]
  let response: Response
  try {
    // Strapi leaves media out unless asked; landing pages have no cover (the default is sent).
    const populate = type === "article" ? "?populate=cover" : ""
    response = await fetch(`${base}/api/${api}/${encodeURIComponent(documentId)}${populate}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
    })
  } catch {
    throw cmsDown()
  }
  if (response.status === 404)
    throw new MedusaError(MedusaError.Types.NOT_FOUND, T.massContentMissing)
  const body = (await response.json().catch(() => null)) as {
    data?: Record<string, unknown> | null
  } | null
  if (!response.ok || !body) {
    throw cmsDown()
  }
  const entry = body.data
  if (!entry) throw new MedusaError(MedusaError.Types.NOT_FOUND, T.massContentMissing)
  if (entry.publish_to_microsite !== true) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, T.massContentNotMicrosite)
  }
  const title = text(entry.title).trim() || "健康资讯"
  const digest = (text(entry.summary) || text(entry.seo_description)).trim()
  const slug = text(entry.slug) || documentId
  const url = `${publicOrigin("storefront")}/${page}/${encodeURIComponent(slug)}`
  const content =
    paragraphs(text(entry.body)) ||
    `<p>${escapeHtml(digest || title)}</p><p><a href="${url}">${T.massDefaultDigest}</a></p>`
  return {
    title,
    cover_urls: pictureUrls(entry.cover, base),
    news: {
      title: title.slice(0, 64),
      author: text(entry.author_name).slice(0, 8) || undefined,
      digest: (digest || T.massDefaultDigest).slice(0, 120),
      content,
      content_source_url: url,
      show_cover_pic: 0,
    },
  }
}
