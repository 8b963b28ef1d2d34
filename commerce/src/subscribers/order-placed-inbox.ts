import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { QueueName } from "../lib/queue/queue-names"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { InboxJob, type OrderPlacedInboxJob } from "../queues/inbox-queue"

/** Tells the buyer in the in-app inbox that the order was placed. */
export default async function orderPlacedInbox({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const queue = container.resolve<QueueModuleService>(QUEUE_MODULE)
  await queue.enqueue<OrderPlacedInboxJob>(
    QueueName.INBOX,
    InboxJob.ORDER_PLACED,
    { order_id: event.data.id },
    // One job per order, even if the event is delivered twice.
    { jobId: `order-placed-${event.data.id}` }
  )
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
