import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type OfflineOrderExpiredEvent } from "../lib/events/domain-events"
import { notifyMember } from "../notifications/notify-member"
import { offlineOrderExpiredNotice } from "../notifications/orders.zh-CN"

/** Tells the member their unpaid offline order was cancelled (once per order). */
export default async function offlineOrderExpiredNotify({
  event,
  container,
}: SubscriberArgs<OfflineOrderExpiredEvent>) {
  const { order_id, display_id, customer_id, hours } = event.data
  // A guest's order: no inbox to write to.
  if (!customer_id) return
  await notifyMember(
    container,
    customer_id,
    offlineOrderExpiredNotice({ order_id, display_id, hours })
  )
}

export const config: SubscriberConfig = {
  event: DomainEvent.OFFLINE_ORDER_EXPIRED,
}
