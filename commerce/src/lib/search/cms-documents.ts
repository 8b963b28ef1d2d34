import type { SearchType, SiteSearchDocument } from "../../modules/site-search/indexes"

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

/** The CMS could not be read; the job fails and BullMQ retries it. */
export class CmsReadError extends Error {}

const cmsBase = () => (process.env.CMS_URL || "http://localhost:1337").replace(/\/$/, "")

const absolute = (url?: string | null) =>
  !url ? null : /^https?:\/\//.test(url) ? url : `${cmsBase()}${url}`

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

async function get<T>(
  path: string
): Promise<{ data: T | null; meta?: { pagination?: { pageCount?: number } } } | null> {
  const token = process.env.CMS_API_TOKEN
  let response: Response
  try {
    response = await fetch(`${cmsBase()}/api${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(Number(process.env.CMS_TIMEOUT_MS || 5000)),
    })
  } catch (error) {
    throw new CmsReadError(`CMS unreachable: ${(error as Error).message}`)
  }
  if (response.status === 404) return null
  if (!response.ok) throw new CmsReadError(`CMS answered ${response.status} for ${path}`)
  return (await response.json()) as {
    data: T | null
    meta?: { pagination?: { pageCount?: number } }
  }
}

const toDocument = (model: string, entry: unknown) =>
  model === "article" ? articleDocument(entry as CmsArticle) : siteDocument(entry as CmsSite)

/**
 * The published entry as a search document, or null when it is not published (any more),
 * inactive or deleted. The list endpoint answers only published entries.
 */
export async function loadCmsDocument(
  model: string,
  documentId: string
): Promise<SiteSearchDocument | null> {
  const target = CMS_SEARCH_MODELS[model]
  if (!target) return null
  const body = await get<unknown[]>(
    `/${target.collection}?filters[documentId][$eq]=${encodeURIComponent(documentId)}&populate=*`
  )
  const entry = body?.data?.[0]
  return entry ? toDocument(model, entry) : null
}

/** Every published entry of a model, page by page. */
export async function loadAllCmsDocuments(model: string): Promise<SiteSearchDocument[]> {
  const target = CMS_SEARCH_MODELS[model]
  const documents: SiteSearchDocument[] = []
  for (let page = 1; ; page++) {
    const body = await get<unknown[]>(
      `/${target.collection}?populate=*&sort=id:asc&pagination[page]=${page}&pagination[pageSize]=100`
    )
    const entries = body?.data ?? []
    for (const entry of entries) {
      const document = toDocument(model, entry)
      if (document) documents.push(document)
    }
    const pageCount = body?.meta?.pagination?.pageCount ?? 1
    if (page >= pageCount || !entries.length) break
  }
  return documents
}
