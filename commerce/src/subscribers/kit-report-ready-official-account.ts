import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type KitStatusChangedEvent } from "../lib/events/domain-events"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { reportReadyTemplate } from "../notifications/official-account.zh-CN"
import { sendOfficialAccountTemplate } from "../workflows/official-account/send-template-message"

/**
 * A report is out: besides the inbox, text and mini-program message (kit-status-changed-
 * notify), a member who follows the service account gets its template message, once per
 * timeline event.
 */
export default async function kitReportReadyOfficialAccount({
  event,
  container,
}: SubscriberArgs<KitStatusChangedEvent>) {
  const { kit_id, event_id } = event.data
  const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const [step] = await archive.listKitEvents({ id: event_id }, { take: 1 })
  if (step?.status !== "report_ready") return
  const [kit] = await archive.kitViews([kit_id])
  if (!kit) return
  await sendOfficialAccountTemplate(container, {
    customer_id: kit.customer_id,
    notice_key: `kit-status:${event_id}`,
    template: "kit-report-ready",
    notice: reportReadyTemplate({
      kit_id: kit.id,
      product_title: kit.product_title,
      at: new Date(step.created_at),
    }),
  })
}

export const config: SubscriberConfig = {
  event: DomainEvent.KIT_STATUS_CHANGED,
}
