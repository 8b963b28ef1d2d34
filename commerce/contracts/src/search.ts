/** What site search finds, in the order the results page shows its tabs. */
export const SEARCH_TYPES = ["product", "article", "site"] as const

export type SearchType = (typeof SEARCH_TYPES)[number]

export const SEARCH_TYPE_LABELS: Record<SearchType, string> = {
  product: "检测产品",
  article: "健康资讯",
  site: "采集点",
}

/** Longer queries are cut (storefronts) or refused (commerce's validator). */
export const SEARCH_QUERY_MAX_LENGTH = 100

/** One thing found, as GET /store/search answers it. */
export type SearchHit = {
  type: SearchType
  id: string
  title: string
  subtitle: string | null
  /** Storefront path of the thing found. */
  url: string
  thumbnail?: string
  /** The title with the query terms in <mark>, everything else HTML-escaped. */
  highlight?: string
}
