import type { SearchType } from "@health/contracts"
import type { SearchResults } from "../search/types"
import { commerceRequester, type CommerceClientOptions } from "./request"

/** Results change with every CMS publish and product edit: kept a minute, tagged for revalidation. */
const cacheHint = { tags: ["search"], revalidate: 60 }

/**
 * Site search (GET /store/search): products, articles and collection sites for a Chinese
 * query. Without a type, each type's first hits under `groups`.
 */
export function createSearchClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  return {
    search(
      q: string,
      params: { type?: SearchType; limit?: number; offset?: number } = {}
    ): Promise<SearchResults> {
      const query = new URLSearchParams({ q })
      if (params.type) query.set("type", params.type)
      if (params.limit) query.set("limit", String(params.limit))
      if (params.offset) query.set("offset", String(params.offset))
      return request<SearchResults>(`/store/search?${query}`, { cacheHint })
    },
  }
}
