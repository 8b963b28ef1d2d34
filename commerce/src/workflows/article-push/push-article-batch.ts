import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PushBatchJob } from "../../lib/queue/jobs"
import { countScannedMembersStep } from "./steps/count-scanned-members-step"
import { deliverArticleStep } from "./steps/deliver-article-step"
import { pickPushRecipientsStep } from "./steps/pick-push-recipients-step"

/**
 * One batch of an article push: pick the members whose tags match the article, deliver it
 * to each (idempotent per member and channel), then count the batch as scanned. Run by the
 * cms queue's push-batch job; a failure fails the job, whose retry skips what was delivered.
 */
export const pushArticleBatchWorkflow = createWorkflow(
  "push-article-batch",
  (job: PushBatchJob) => {
    const members = pickPushRecipientsStep(job)
    const delivery = deliverArticleStep(
      transform({ job, members }, ({ job, members }) => ({ article: job.article, members }))
    )
    countScannedMembersStep(
      transform({ job }, ({ job }) => ({
        document_id: job.article.document_id,
        count: job.customer_ids.length,
      }))
    )
    return new WorkflowResponse(
      transform({ job, delivery }, ({ job, delivery }) => ({
        scanned: job.customer_ids.length,
        delivered: delivery.delivered,
      }))
    )
  }
)
