import type { ExecArgs } from "@medusajs/framework/types"
import { QUEUE_MODULE, QueueName, SearchJob, type JobQueue } from "../lib/queue/jobs"

/**
 * Article search documents gained `microsite` (发布到微官网), which the mini-program's search
 * filters on: those indexed before it lack the field and would stay hidden there until someone
 * ran `reindex-search`. Medusa runs this once per database at `medusa db:migrate`; it only
 * queues the reindex, which the worker runs once the CMS answers (a failed CMS read is retried),
 * so migrating never waits for the CMS.
 */
export default async function reindexSearchMicrositeArticles({ container }: ExecArgs) {
  await container
    .resolve<JobQueue>(QUEUE_MODULE)
    .enqueue(QueueName.SEARCH, SearchJob.REINDEX, {}, { jobId: "reindex-microsite-articles" })
}
