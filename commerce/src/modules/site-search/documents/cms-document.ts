import type { SearchType, SiteSearchDocument } from "../indexes"
import { configuredPublicOrigin } from "../../../lib/config/public-origins"

/** A Strapi 5 article with the relations search needs. */
type CmsArticle = {
  documentId: string
  title: string
  slug: string
  summary?: string | null
  body?: string | null
  author_name?: string | null
  cover?: { url?: string | null } | null
  category?: { name?: string | null } | null
  tags?: { name?: string | null }[] | null
  /** 发布到微官网: the WeChat surfaces (the mini-program) show only flagged articles. */
  publish_to_microsite?: boolean | null
}

type CmsSite = {
  documentId: string
  name: string
  city?: string | null
  district?: string | null
  address?: string | null
  hours?: string | null
  phone?: string | null
  services?: unknown
  active?: boolean | null
}

/** Strapi singular model names of the content search indexes, and their search type. */
export const CMS_SEARCH_MODELS: Record<string, { type: SearchType; collection: string }> = {
  article: { type: "article", collection: "articles" },
  "collection-site": { type: "site", collection: "collection-sites" },
}

/** The CMS as commerce reaches it (CMS_URL without a trailing slash): where search reads content. */
export const cmsBase = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")

/** Media as members' browsers reach them: CMS_PUBLIC_URL, not the internal CMS_URL. */
const mediaBase = () => configuredPublicOrigin("cms") ?? cmsBase()

const absolute = (url?: string | null) =>
  !url ? null : /^https?:\/\//.test(url) ? url : `${mediaBase()}${url}`

const plain = (markdown?: string | null) =>
  (markdown ?? "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/[#>*_`~[\]()-]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 4000)

export function articleDocument(article: CmsArticle): SiteSearchDocument {
  const tags = (article.tags ?? []).map((t) => t.name).filter((n): n is string => !!n)
  return {
    id: article.documentId,
    type: "article",
    title: article.title,
    subtitle: article.summary || article.category?.name || null,
    url: `/articles/${article.slug}`,
    thumbnail: absolute(article.cover?.url),
    content: [article.summary, plain(article.body), article.author_name].filter(Boolean).join("\n"),
    category: article.category?.name ?? null,
    tags,
    microsite: article.publish_to_microsite === true,
  }
}

/** A collection site as a document; null when it is not taking samples. */
export function siteDocument(site: CmsSite): SiteSearchDocument | null {
  if (site.active === false) return null
  const services = Array.isArray(site.services) ? site.services.map(String) : []
  return {
    id: site.documentId,
    type: "site",
    title: site.name,
    subtitle: [site.city, site.district, site.address].filter(Boolean).join(" ") || null,
    url: `/sites#site-${site.documentId}`,
    content: [site.hours, site.phone, ...services].filter(Boolean).join("\n"),
    city: site.city ?? null,
    tags: services,
  }
}

/** A Strapi entry of a searchable model as a search document; null when it is left out. */
export const cmsDocument = (model: string, entry: unknown) =>
  model === "article" ? articleDocument(entry as CmsArticle) : siteDocument(entry as CmsSite)
