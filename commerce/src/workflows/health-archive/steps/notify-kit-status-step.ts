import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  InboxJob,
  QUEUE_MODULE,
  QueueName,
  type JobQueue,
  type KitStatusInboxJob,
} from "../../../lib/queue/jobs"

/** Tells the member about a kit's new status; one message per timeline event. */
export const notifyKitStatusStep = createStep(
  "notify-kit-status",
  async (input: KitStatusInboxJob, { container }) => {
    const queue = container.resolve<JobQueue>(QUEUE_MODULE)
    await queue.enqueue(QueueName.INBOX, InboxJob.KIT_STATUS, input, {
      jobId: `kit-status-${input.event_id}`,
    })
    return new StepResponse(input.event_id)
  }
)
