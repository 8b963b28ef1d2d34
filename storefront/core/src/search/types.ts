import {
  SEARCH_QUERY_MAX_LENGTH,
  SEARCH_TYPES,
  type SearchHit,
  type SearchType,
} from "@health/contracts"

export type SearchResults = {
  hits: SearchHit[]
  count: number
  type: SearchType | "all"
  /** Per type, when searching all types. */
  groups?: Record<SearchType, { hits: SearchHit[]; count: number }>
}

/** Below this many characters a query is not worth suggesting for. */
export const MIN_SUGGEST_LENGTH = 1

/** Reads ?type= from a URL: one of the three types, product otherwise. */
export function searchTypeOf(value: string | string[] | undefined): SearchType {
  const first = Array.isArray(value) ? value[0] : value
  return SEARCH_TYPES.includes(first as SearchType) ? (first as SearchType) : "product"
}

/** The query as typed, trimmed and cut to what the API accepts. */
export function normalizeQuery(value: string | string[] | undefined): string {
  const first = Array.isArray(value) ? value[0] : value
  return (first ?? "").trim().slice(0, SEARCH_QUERY_MAX_LENGTH)
}

/** /search?q=...&type=... */
export function searchPageUrl(q: string, type?: SearchType): string {
  const params = new URLSearchParams({ q })
  if (type) params.set("type", type)
  return `/search?${params}`
}
