import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { QUEUE_MODULE, QueueName, StorefrontJob, type JobQueue } from "../lib/queue/jobs"

const CATEGORY_EVENTS = [
  "product-category.created",
  "product-category.updated",
  "product-category.deleted",
]

/**
 * Product, variant (and the variant's own prices) and category changes reach the storefront
 * within seconds; price lists are price-changed-revalidate's.
 */
export default async function catalogChangedRevalidate({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const queue = container.resolve<JobQueue>(QUEUE_MODULE)
  const tags = CATEGORY_EVENTS.includes(event.name) ? ["categories", "products"] : ["products"]
  await queue.enqueue(QueueName.STOREFRONT, StorefrontJob.REVALIDATE, {
    tags,
    cause: event.name,
  })
}

export const config: SubscriberConfig = {
  event: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-variant.created",
    "product-variant.updated",
    "product-variant.deleted",
    ...CATEGORY_EVENTS,
  ],
}
