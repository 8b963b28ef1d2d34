import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CmsEntryJob } from "../../../lib/queue/jobs"
import { CMS_SEARCH_MODELS, cmsDocument } from "../../../modules/site-search/documents/cms-document"
import type { SearchType, SiteSearchDocument } from "../../../modules/site-search/indexes"
import { readCmsCollection } from "../read-cms-collection"

export type CmsSearchEntry = {
  /** The entry's search type; null when its model is not searchable. */
  type: SearchType | null
  /** The published entry as a document; null when it is unpublished, inactive or deleted. */
  document: SiteSearchDocument | null
}

/**
 * The entry's current state in the CMS, not the event's: the list endpoint answers only
 * published entries, so a late publish event cannot resurrect an unpublished one.
 */
export const readCmsEntryStep = createStep(
  "read-cms-search-entry",
  async ({ model, document_id, event }: CmsEntryJob) => {
    const target = CMS_SEARCH_MODELS[model]
    if (!target) return new StepResponse<CmsSearchEntry>({ type: null, document: null })
    const gone = event === "entry.delete" || event === "entry.unpublish"
    const body = gone
      ? null
      : await readCmsCollection(
          `/${target.collection}?filters[documentId][$eq]=${encodeURIComponent(document_id)}&populate=*`
        )
    const entry = body?.data?.[0]
    return new StepResponse<CmsSearchEntry>({
      type: target.type,
      document: entry ? cmsDocument(model, entry) : null,
    })
  }
)
