import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type KitStatusChangedEvent } from "../lib/events/domain-events"
import type { KitStatus } from "../lib/kits/kit-status"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { kitStatusNotice } from "../notifications/kits.zh-CN"
import { notifyMember } from "../notifications/notify-member"

/** Tells the member about a kit's new status: one notice per timeline event. */
export default async function kitStatusChangedNotify({
  event,
  container,
}: SubscriberArgs<KitStatusChangedEvent>) {
  const { kit_id, event_id } = event.data
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const [kit] = await archive.kitViews([kit_id])
  const step = kit && (await archive.listKitEvents({ id: event_id }, { take: 1 }))[0]
  const notice =
    step &&
    kitStatusNotice({
      kit_id: kit.id,
      event_id,
      status: step.status as KitStatus,
      product_title: kit.product_title,
      relation_label:
        kit.person && kit.person.relation !== "self" ? kit.person.relation_label : null,
      note: step.note ?? null,
    })
  // Erased since, or a status members are not told of.
  if (!notice) return
  await notifyMember(container, kit.customer_id, notice)
}

export const config: SubscriberConfig = {
  event: DomainEvent.KIT_STATUS_CHANGED,
}
