import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PricingEvents } from "@medusajs/framework/utils"
import { QUEUE_MODULE, QueueName, StorefrontJob, type JobQueue } from "../lib/queue/jobs"

/**
 * Price lists (sales, 团体会员 prices) and their prices change what every page and share
 * poster prints, yet Medusa's price-list routes touch no product or variant: only the pricing
 * module's own events tell. Each revalidates the catalog as a variant change does.
 */
export default async function priceChangedRevalidate({
  event,
  container,
}: SubscriberArgs<unknown>) {
  const queue = container.resolve<JobQueue>(QUEUE_MODULE)
  await queue.enqueue(QueueName.STOREFRONT, StorefrontJob.REVALIDATE, {
    tags: ["products"],
    cause: event.name,
  })
}

export const config: SubscriberConfig = {
  event: [
    PricingEvents.PRICE_LIST_CREATED,
    PricingEvents.PRICE_LIST_UPDATED,
    PricingEvents.PRICE_LIST_DELETED,
    PricingEvents.PRICE_LIST_RESTORED,
    // A price list's rules say who gets it (a customer group, a region).
    PricingEvents.PRICE_LIST_RULE_CREATED,
    PricingEvents.PRICE_LIST_RULE_UPDATED,
    PricingEvents.PRICE_LIST_RULE_DELETED,
    PricingEvents.PRICE_CREATED,
    PricingEvents.PRICE_UPDATED,
    PricingEvents.PRICE_DELETED,
    PricingEvents.PRICE_RESTORED,
    PricingEvents.PRICE_RULE_CREATED,
    PricingEvents.PRICE_RULE_UPDATED,
    PricingEvents.PRICE_RULE_DELETED,
  ],
}
