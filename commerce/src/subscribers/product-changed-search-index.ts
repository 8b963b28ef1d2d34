import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { QueueName } from "../lib/queue/queue-names"
import { QUEUE_MODULE } from "../modules/queue"
import type QueueModuleService from "../modules/queue/service"
import { SearchJob, type ProductsJob } from "../queues/search-queue"

/** A created, updated or deleted product reaches the search index within seconds. */
export default async function productChangedSearchIndex({
  event,
  container,
}: SubscriberArgs<{ id: string } | { id: string }[]>) {
  const ids = (Array.isArray(event.data) ? event.data : [event.data]).map((d) => d.id)
  const queue = container.resolve<QueueModuleService>(QUEUE_MODULE)
  await queue.enqueue<ProductsJob>(QueueName.SEARCH, SearchJob.PRODUCTS, { ids })
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
}
