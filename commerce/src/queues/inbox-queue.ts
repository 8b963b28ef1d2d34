import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  InboxJob,
  QueueName,
  type ConstitutionReviewInboxJob,
  type KitStatusInboxJob,
  type OrderPlacedInboxJob,
} from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { INBOX_MODULE } from "../modules/inbox"
import type InboxModuleService from "../modules/inbox/service"
import type { MedusaContainer } from "@medusajs/framework/types"
import { formatCny } from "../lib/format-cny"
import { smsSenderFromEnv } from "../lib/sms/sms-sender-from-env"
import { KIT_STATUS_LABELS, KIT_STATUS_NOTICES, type KitStatus } from "../lib/kits/kit-status"
import { sendKitStatusWechat } from "../lib/kits/kit-status-wechat"
import { notificationPreferencesOf } from "../lib/push/notification-preferences"
import { HEALTH_ARCHIVE_MODULE } from "../modules/health-archive"
import type HealthArchiveModuleService from "../modules/health-archive/service"
import { deliverConstitutionReviewNotice } from "./constitution-review-notice"

/** The kit steps worth a text and a WeChat message: the parcel, a failed sample, the report. */
const SMS_KIT_STATUSES = new Set<KitStatus>(["shipped", "rejected", "report_ready"])

async function textKitStatus(
  container: MedusaContainer,
  phone: string | null | undefined,
  params: { product: string; status: string }
) {
  if (!phone) return
  try {
    await smsSenderFromEnv().send({ phone, template: "kit-status", params })
  } catch (error) {
    // The inbox message is the record; a text that cannot go out must not redo it.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`[sms] kit-status text not sent: ${(error as Error).message}`)
  }
}

export const inboxQueue: QueueProcessor = {
  queue: QueueName.INBOX,
  concurrency: 5,
  handlers: {
    [InboxJob.ORDER_PLACED]: async ({ order_id }: OrderPlacedInboxJob, { container }) => {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "display_id", "customer_id", "total", "currency_code", "items.title"],
        filters: { id: order_id },
      })
      if (!order?.customer_id) {
        // Guest orders have no inbox; nothing to retry.
        return { skipped: true }
      }
      const titles = (order.items ?? [])
        .map((item: { title?: string } | null) => item?.title)
        .filter(Boolean)
      const inbox = container.resolve<InboxModuleService>(INBOX_MODULE)
      return inbox.deliver({
        customer_id: order.customer_id,
        category: "order",
        title: `订单 #${order.display_id} 已提交`,
        body: `您购买的${titles.join("、") || "商品"}已下单，订单金额 ${formatCny(order.total as never)}。`,
        link: `/account/orders/${order.id}`,
        dedupe_key: `order-placed:${order.id}`,
      })
    },
    [InboxJob.KIT_STATUS]: async ({ kit_id, event_id }: KitStatusInboxJob, { container }) => {
      const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      const [kit] = await archive.kitViews([kit_id])
      const event = kit && (await archive.listKitEvents({ id: event_id }, { take: 1 }))[0]
      const notice = event && KIT_STATUS_NOTICES[event.status as KitStatus]
      if (!kit || !notice) return { skipped: true }
      const who =
        kit.person && kit.person.relation !== "self" ? `（${kit.person.relation_label}）` : ""
      const label = KIT_STATUS_LABELS[event.status as KitStatus]
      const delivered = await container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
        customer_id: kit.customer_id,
        category: "kit",
        title: `${kit.product_title}${who}：${label}`,
        body: event.note && event.status === "rejected" ? `${notice}原因：${event.note}` : notice,
        link: `/account/health/kits/${kit.id}`,
        dedupe_key: `kit-status:${event_id}`,
      })
      // Steps that ask something of the member also go by SMS and WeChat, once (with the
      // inbox message).
      if (delivered.created && SMS_KIT_STATUSES.has(event.status as KitStatus)) {
        const {
          data: [customer],
        } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "customer",
          fields: ["phone", "metadata"],
          filters: { id: kit.customer_id },
        })
        // The inbox is always on; a text only for members who have not switched SMS off.
        if (notificationPreferencesOf(customer?.metadata).sms) {
          await textKitStatus(container, customer?.phone, {
            product: kit.product_title,
            status: label,
          })
        }
        const wechat = await sendKitStatusWechat(container, {
          customer_id: kit.customer_id,
          metadata: customer?.metadata,
          kit_id: kit.id,
          product: kit.product_title,
          status: event.status as KitStatus,
        })
        return { ...delivered, wechat }
      }
      return delivered
    },
    [InboxJob.CONSTITUTION_REVIEW]: (job: ConstitutionReviewInboxJob, { container }) =>
      deliverConstitutionReviewNotice(container, job),
  },
}
