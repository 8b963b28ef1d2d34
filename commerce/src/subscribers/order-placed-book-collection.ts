import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AppointmentJob, QUEUE_MODULE, QueueName, type JobQueue } from "../lib/queue/jobs"

/**
 * An order that chose on-site collection at checkout gets its appointment booked. A job,
 * so an unreachable CMS is retried; one job id per order, and the booking itself happens
 * once per order, so a replayed event books nothing more.
 */
export default async function orderPlacedBookCollection({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await container
    .resolve<JobQueue>(QUEUE_MODULE)
    .enqueue(
      QueueName.APPOINTMENTS,
      AppointmentJob.ORDER_COLLECTION,
      { order_id: event.data.id },
      { jobId: `order-collection-${event.data.id}` }
    )
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
