import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  InboxJob,
  QUEUE_MODULE,
  QueueName,
  type ConstitutionReviewInboxJob,
  type JobQueue,
} from "../../../lib/queue/jobs"

/**
 * Tells the member their 养生评估报告 is out (inbox, and SMS where a template is set), or
 * that a 修订 updated it; once per published version.
 */
export const notifyConstitutionReviewStep = createStep(
  "notify-constitution-review",
  async (input: ConstitutionReviewInboxJob, { container }) => {
    const queue = container.resolve<JobQueue>(QUEUE_MODULE)
    await queue.enqueue(QueueName.INBOX, InboxJob.CONSTITUTION_REVIEW, input, {
      jobId:
        input.revision && input.revision > 1
          ? `constitution-review-${input.review_id}-v${input.revision}`
          : `constitution-review-${input.review_id}`,
    })
    return new StepResponse(input.review_id)
  }
)
