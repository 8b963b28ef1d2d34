import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { QueueName } from "../lib/queue/queue-names"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { AppointmentJob, type OrderCollectionJob } from "../queues/appointments-queue"

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
    .resolve<QueueModuleService>(QUEUE_MODULE)
    .enqueue<OrderCollectionJob>(
      QueueName.APPOINTMENTS,
      AppointmentJob.ORDER_COLLECTION,
      { order_id: event.data.id },
      { jobId: `order-collection-${event.data.id}` }
    )
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
