import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { QUEUE_MODULE, QueueName, SearchJob, type JobQueue } from "../lib/queue/jobs"

/** A created, updated or deleted product reaches the search index within seconds. */
export default async function productChangedSearchIndex({
  event,
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d.id)
  const queue = container.resolve<JobQueue>(QUEUE_MODULE)
  await queue.enqueue(QueueName.SEARCH, SearchJob.PRODUCTS, { ids })
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
}
