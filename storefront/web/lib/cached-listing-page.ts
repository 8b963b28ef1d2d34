import type { JSX } from "react"
import { CACHED_LISTINGS, decodeListingQuery } from "./cached-listings"

type ListPage = (props: { searchParams: Promise<Record<string, string>> }) => Promise<JSX.Element>

/**
 * The twin of a list page (lib/cached-listings.ts): the same page, given the filters its path
 * holds instead of searchParams, so Next can render it once and serve it from cache.
 */
export function cachedListingPage(path: string, Page: ListPage) {
  const listing = CACHED_LISTINGS.find((candidate) => candidate.path === path)
  if (!listing) throw new Error(`${path} is not a cached listing`)
  return async function CachedListingPage({ params }: { params: Promise<{ query: string }> }) {
    const filters = decodeListingQuery(listing.keys, (await params).query)
    return Page({ searchParams: Promise.resolve(filters) })
  }
}
