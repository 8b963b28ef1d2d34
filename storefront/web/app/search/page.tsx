import { messages, normalizeQuery, searchTypeOf, type SearchResults as Results } from "@health/core"
import type { Metadata } from "next"
import { SearchResults } from "@/components/search/search-results"
import { siteSearch } from "@/lib/backends"

export const metadata: Metadata = { title: "搜索" }

/** Hits per tab; one request answers all three tabs with their counts. */
const PER_TYPE = 20

type SearchParams = Promise<{ q?: string | string[]; type?: string | string[] }>

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams
  const q = normalizeQuery(params.q)
  const type = searchTypeOf(params.type)
  if (!q) {
    return (
      <section>
        <h1>{messages.search.title}</h1>
        <p className="empty">{messages.search.prompt}</p>
      </section>
    )
  }
  let results: Results | null = null
  try {
    results = await siteSearch.search(q, { limit: PER_TYPE })
  } catch (error) {
    console.error("[storefront] search failed:", (error as Error).message)
  }
  return (
    <section>
      <h1>
        {messages.search.resultsFor}：{q}
      </h1>
      {results ? (
        <SearchResults q={q} type={type} results={results} />
      ) : (
        <SearchResults q={q} type={type} failed />
      )}
    </section>
  )
}
