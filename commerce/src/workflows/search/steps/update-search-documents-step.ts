import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SITE_SEARCH_MODULE } from "../../../modules/site-search"
import type { SearchType, SiteSearchDocument } from "../../../modules/site-search/indexes"
import type SiteSearchModuleService from "../../../modules/site-search/service"

/** Writes documents into one index and removes ids from it. */
export const updateSearchDocumentsStep = createStep(
  "update-search-documents",
  async (
    {
      type,
      documents,
      removed,
    }: { type: SearchType; documents: SiteSearchDocument[]; removed: string[] },
    { container }
  ) => {
    const search = container.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
    await search.indexDocuments(type, documents)
    await search.removeDocuments(type, removed)
    return new StepResponse({ indexed: documents.length, removed: removed.length })
  }
)
