/**
 * List pages filtered by a few known query keys (/products?category=…&tag=…&page=…,
 * /articles?category=…&page=…) are served from Next's full-route cache through a twin route
 * whose path holds the query (/catalogue/products/<query>): a page that reads searchParams is
 * rendered per request. The proxy rewrites to the twin; the address the shopper sees is kept.
 * A free-text search (q) stays rendered per request: every search would fill the cache.
 */
type Listing = {
  path: string
  twin: string
  keys: readonly string[]
  perRequest: readonly string[]
}

export const CACHED_LISTINGS: readonly Listing[] = [
  {
    path: "/products",
    twin: "/catalogue/products",
    keys: ["category", "tag", "page"],
    perRequest: ["q"],
  },
  { path: "/articles", twin: "/catalogue/articles", keys: ["category", "page"], perRequest: [] },
]

/** The segment for no filter at all (the unfiltered first page). */
const EVERYTHING = "all"
const VALUE = /^[\p{L}\p{N}_-]{1,60}$/u

/**
 * The query's canonical form: known keys only, in a fixed order, page 1 left out, values that
 * no filter could hold dropped, so one page has one cache entry whatever the spelling.
 */
export function canonicalListingQuery(
  keys: readonly string[],
  params: URLSearchParams
): Record<string, string> {
  const query: Record<string, string> = {}
  for (const key of keys) {
    const value = params.get(key)?.trim()
    if (!value || !VALUE.test(value)) continue
    if (key === "page") {
      const page = parseInt(value, 10)
      if (page > 1 && page < 10_000) query.page = String(page)
      continue
    }
    query[key] = value
  }
  return query
}

export function encodeListingQuery(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString()
  return text ? encodeURIComponent(text) : EVERYTHING
}

/** The twin route's segment back to the filters (as the list page reads its searchParams). */
export function decodeListingQuery(
  keys: readonly string[],
  segment: string
): Record<string, string> {
  if (segment === EVERYTHING) return {}
  let text: string
  try {
    text = decodeURIComponent(segment)
  } catch {
    return {}
  }
  return canonicalListingQuery(keys, new URLSearchParams(text))
}

/** Where the proxy serves a list page from, or null when it is rendered per request. */
export function cachedListingPath(url: URL): string | null {
  const listing = CACHED_LISTINGS.find((l) => l.path === url.pathname)
  if (!listing || listing.perRequest.some((key) => url.searchParams.has(key))) return null
  const query = canonicalListingQuery(listing.keys, url.searchParams)
  return `${listing.twin}/${encodeListingQuery(query)}`
}
