import { MedusaError } from "@medusajs/framework/utils"
import { CMS_UNAVAILABLE_CODE } from "../../lib/cms/cms-reader"
import { publicOrigin } from "../../lib/config/public-origins"
import type { NewsArticle } from "../../modules/wechat-official-account/official-account-api"
import { OFFICIAL_ACCOUNT_TEXT as T } from "./official-account.zh-CN"

export type MicrositeContentType = "article" | "landing_page"

/** What a mass send sends: one micro-site item as a 图文消息 article. */
export type MicrositeContent = { title: string; news: NewsArticle }

const COLLECTIONS: Record<MicrositeContentType, { api: string; page: string }> = {
  article: { api: "articles", page: "articles" },
  landing_page: { api: "landing-pages", page: "landing" },
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Markdown's paragraphs as plain HTML paragraphs: WeChat shows the text, 阅读原文 the page. */
const paragraphs = (markdown: string) =>
  markdown
    .split(/\n{2,}/)
    .map((block) => block.replace(/^#+\s*|[*_`>]/gm, "").trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br/>")}</p>`)
    .join("")

// Answered 503 in Chinese by the app's error handler (chinese-error-answer.ts).
const cmsDown = () =>
  new MedusaError(MedusaError.Types.UNEXPECTED_STATE, T.massCmsUnavailable, CMS_UNAVAILABLE_CODE)

const text = (value: unknown) => (typeof value === "string" ? value : "")

/**
 * A published CMS article or landing page, only when its editor flagged it
 * `publish_to_microsite` (发布到微官网): 群发 sends nothing else. 404 when it is not
 * published, 400 when not flagged, 503 when the CMS does not answer.
 */
export async function micrositeContent(
  type: MicrositeContentType,
  documentId: string
): Promise<MicrositeContent> {
  const base = (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")
  const token = process.env.CMS_API_TOKEN
  const { api, page } = COLLECTIONS[type]
  let response: Response
  try {
    response = await fetch(`${base}/api/${api}/${encodeURIComponent(documentId)}`, {
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
