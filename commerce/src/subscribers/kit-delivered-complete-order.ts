import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type KitStatusChangedEvent } from "../lib/events/domain-events"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { completeOrderIfFinished } from "../workflows/orders/complete-finished-order"

/** The member opened a report: when it was the order's last, the order is 已完成. */
export default async function kitDeliveredCompleteOrder({
  event,
  container,
}: SubscriberArgs<KitStatusChangedEvent>) {
  const [kit] = await container
    .resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    .listKits({ id: event.data.kit_id }, { select: ["order_id", "status"], take: 1 })
  if (kit?.status !== "delivered") return
  await completeOrderIfFinished(container, kit.order_id)
}

export const config: SubscriberConfig = { event: DomainEvent.KIT_STATUS_CHANGED }
