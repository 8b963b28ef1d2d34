import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SITE_SEARCH_MODULE } from "../../../modules/site-search"
import type { SearchType, SiteSearchDocument } from "../../../modules/site-search/indexes"
import type SiteSearchModuleService from "../../../modules/site-search/service"

/** Clears each index and writes its documents afresh, one type after the other. */
export const replaceSearchIndexesStep = createStep(
  "replace-search-indexes",
  async (indexes: { type: SearchType; documents: SiteSearchDocument[] }[], { container }) => {
    const search = container.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
    for (const { type, documents } of indexes) {
      await search.clearDocuments(type)
      await search.indexDocuments(type, documents)
    }
    return new StepResponse(indexes.length)
  }
)
