import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InboxJob, QUEUE_MODULE, QueueName, type JobQueue } from "../lib/queue/jobs"

/** Tells the buyer in the in-app inbox that the order was placed. */
export default async function orderPlacedInbox({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const queue = container.resolve<JobQueue>(QUEUE_MODULE)
  await queue.enqueue(
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
