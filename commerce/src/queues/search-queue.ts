import { SITE_SEARCH_MODULE } from "../modules/site-search"
import type SiteSearchModuleService from "../modules/site-search/service"
import { CMS_SEARCH_MODELS, loadCmsDocument } from "../lib/search/cms-documents"
import { loadProductDocuments } from "../lib/search/product-documents"
import { reindexSearch } from "../lib/search/reindex-search"
import { QueueName, SearchJob, type CmsEntryJob, type ProductsJob } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"

/**
 * Keeps the search indexes in step with their sources. Each job reads the source's
 * current state rather than trusting the event, so a replayed or late job cannot
 * resurrect something unpublished. A CMS read failure throws and BullMQ retries.
 */
export const searchQueue: QueueProcessor = {
  queue: QueueName.SEARCH,
  concurrency: 2,
  handlers: {
    [SearchJob.CMS_ENTRY]: async (job: CmsEntryJob, { container }) => {
      const target = CMS_SEARCH_MODELS[job.model]
      if (!target) return { skipped: `${job.model} is not searchable` }
      const search = container.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
      const gone = job.event === "entry.delete" || job.event === "entry.unpublish"
      const document = gone ? null : await loadCmsDocument(job.model, job.document_id)
      if (document) {
        await search.indexDocuments(target.type, [document])
        return { indexed: job.document_id }
      }
      await search.removeDocuments(target.type, [job.document_id])
      return { removed: job.document_id }
    },
    [SearchJob.PRODUCTS]: async ({ ids }: ProductsJob, { container }) => {
      const search = container.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
      const { documents, removed } = await loadProductDocuments(container, ids)
      await search.indexDocuments("product", documents)
      await search.removeDocuments("product", removed)
      return { indexed: documents.length, removed: removed.length }
    },
    [SearchJob.REINDEX]: async (_data: Record<string, never>, { container }) =>
      reindexSearch(container),
  },
}
