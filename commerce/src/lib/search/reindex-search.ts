import type { MedusaContainer } from "@medusajs/framework/types"
import { SITE_SEARCH_MODULE } from "../../modules/site-search"
import type SiteSearchModuleService from "../../modules/site-search/service"
import { loadAllCmsDocuments } from "./cms-documents"
import { loadProductDocuments } from "./product-documents"

/**
 * Rebuilds every index from the sources: all published products, and every published
 * article and active collection site in the CMS. Reads everything before clearing, so
 * an unreachable CMS leaves the current index in place.
 */
export async function reindexSearch(container: MedusaContainer) {
  const search = container.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
  const products = (await loadProductDocuments(container)).documents
  const articles = await loadAllCmsDocuments("article")
  const sites = await loadAllCmsDocuments("collection-site")
  const counts = { product: products.length, article: articles.length, site: sites.length }
  for (const [type, documents] of [
    ["product", products],
    ["article", articles],
    ["site", sites],
  ] as const) {
    await search.clearDocuments(type)
    await search.indexDocuments(type, documents)
  }
  return counts
}
