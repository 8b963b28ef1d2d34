import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SITE_SEARCH_MODULE } from "../../../modules/site-search"
import { SEARCH_TYPES, type SearchType } from "../../../modules/site-search/indexes"
import type SiteSearchModuleService from "../../../modules/site-search/service"
import { storefrontChannelOf } from "../../../lib/http/storefront-channel"
import { productsHiddenFrom } from "../../microsite-middlewares"
import type { SearchQueryType } from "./validators"

/**
 * Products, articles and collection sites matching `q`. With `type`, one list; without,
 * each type's first `limit` hits under `groups` and all of them in `hits`. The mini-program
 * finds only the products and articles on the 微官网 (发布到微官网): an article indexed
 * before its flag was (reindex-search) counts as off it.
 */
export async function GET(req: MedusaRequest<unknown, SearchQueryType>, res: MedusaResponse) {
  const search = req.scope.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
  const { q, type, limit, offset } = req.validatedQuery as SearchQueryType
  // Checked here rather than in the schema so the shopper reads the reason in Chinese.
  if (!q) throw new MedusaError(MedusaError.Types.INVALID_DATA, "请输入搜索关键词")
  const hidden = await productsHiddenFrom(req)
  const miniprogram = storefrontChannelOf(req) === "miniprogram"
  const filtersOf = (t: SearchType) => {
    if (t === "product" && hidden.length) return { id: { $nin: hidden } }
    if (t === "article" && miniprogram) return { microsite: true }
    return undefined
  }
  if (type) {
    const result = await search.searchType(type, q, { limit, offset, filters: filtersOf(type) })
    res.json({ hits: result.hits, count: result.count, type, provider: result.provider })
    return
  }
  const results = await Promise.all(
    SEARCH_TYPES.map((t) => search.searchType(t, q, { limit, filters: filtersOf(t) }))
  )
  res.json({
    hits: results.flatMap((r) => r.hits),
    count: results.reduce((sum, r) => sum + r.count, 0),
    type: "all",
    groups: Object.fromEntries(
      SEARCH_TYPES.map((t, i) => [t, { hits: results[i].hits, count: results[i].count }])
    ),
    provider: results[0].provider,
  })
}
