import { QueueName, SearchJob, type CmsEntryJob, type ProductsJob } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { indexCmsEntryWorkflow } from "../workflows/search/index-cms-entry"
import { indexProductsWorkflow } from "../workflows/search/index-products"
import { reindexSearchWorkflow } from "../workflows/search/reindex-search"

/**
 * Keeps the search indexes in step with their sources. Each job reads the source's
 * current state rather than trusting the event, so a replayed or late job cannot
 * resurrect something unpublished. A CMS read failure throws and BullMQ retries.
 */
export const searchQueue: QueueProcessor = {
  queue: QueueName.SEARCH,
  concurrency: 2,
  handlers: {
    [SearchJob.CMS_ENTRY]: async (job: CmsEntryJob, { container }) =>
      (await indexCmsEntryWorkflow(container).run({ input: job, throwOnError: true })).result,
    [SearchJob.PRODUCTS]: async ({ ids }: ProductsJob, { container }) =>
      (await indexProductsWorkflow(container).run({ input: { ids }, throwOnError: true })).result,
    [SearchJob.REINDEX]: async (_data: Record<string, never>, { container }) =>
      (await reindexSearchWorkflow(container).run({ throwOnError: true })).result,
  },
}
