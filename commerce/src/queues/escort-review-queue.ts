import { EscortReviewJob, QueueName } from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { openDueEscortReviews } from "../workflows/escort-review/open-escort-reviews"

/** How often sealed review windows are checked for opening (ESCORT_REVIEW_SWEEP_MS). */
const SWEEP_EVERY_MS = () => Number(process.env.ESCORT_REVIEW_SWEEP_MS || 5 * 60_000)

/** 陪诊 reviews: one opening sweep at a time, repeated by BullMQ. */
export const escortReviewQueue: QueueProcessor = {
  queue: QueueName.ESCORT_REVIEW,
  concurrency: 1,
  handlers: {
    [EscortReviewJob.OPEN_DUE]: async (_data: Record<string, never>, { container }) =>
      openDueEscortReviews(container),
  },
  schedules: [
    { id: "escort-review-open", job: EscortReviewJob.OPEN_DUE, everyMs: SWEEP_EVERY_MS() },
  ],
}
