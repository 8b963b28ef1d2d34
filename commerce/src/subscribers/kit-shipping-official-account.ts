import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type KitStatusChangedEvent } from "../lib/events/domain-events"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { sendMemberEventTemplate } from "../workflows/official-account/send-member-event-template"

/** The kit's journey a follower is told of (the report has its own template). */
const SHIPPING_STATUSES: Record<string, string> = { shipped: "已寄出", received: "样本已收到" }

/** 采样盒已寄出 / 样本已收到 as the service account's template message, once per step. */
export default async function kitShippingOfficialAccount({
  event,
  container,
}: SubscriberArgs<KitStatusChangedEvent>) {
  const { kit_id, event_id } = event.data
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const [step] = await archive.listKitEvents({ id: event_id }, { take: 1 })
  const status = step && SHIPPING_STATUSES[step.status]
  if (!status) return
  const [kit] = await archive.kitViews([kit_id])
  if (!kit) return
  await sendMemberEventTemplate(container, {
    customer_id: kit.customer_id,
    notice_key: `kit-status:${event_id}`,
    kind: "kit_shipping",
    subject: kit.product_title,
    status,
    at: new Date(step.created_at),
    path: `/account/health/kits/${kit.id}`,
  })
}

export const config: SubscriberConfig = { event: DomainEvent.KIT_STATUS_CHANGED }
