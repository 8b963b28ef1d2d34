import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { QueueName } from "../../../lib/queue/queue-names"
import { QUEUE_MODULE } from "../../../modules/queue"
import type QueueModuleService from "../../../modules/queue/service"
import { InboxJob, type KitStatusInboxJob } from "../../../queues/inbox-queue"

/** Tells the member about a kit's new status; one message per timeline event. */
export const notifyKitStatusStep = createStep(
  "notify-kit-status",
  async (input: KitStatusInboxJob, { container }) => {
    const queue = container.resolve<QueueModuleService>(QUEUE_MODULE)
    await queue.enqueue<KitStatusInboxJob>(QueueName.INBOX, InboxJob.KIT_STATUS, input, {
      jobId: `kit-status-${input.event_id}`,
    })
    return new StepResponse(input.event_id)
  }
)
