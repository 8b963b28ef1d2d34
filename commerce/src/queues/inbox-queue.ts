import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { QueueName } from "../lib/queue/queue-names"
import { INBOX_MODULE } from "../modules/inbox"
import type InboxModuleService from "../modules/inbox/service"
import { formatCny } from "../lib/format-cny"
import type { QueueProcessor } from "./queue-processor"

export const InboxJob = {
  ORDER_PLACED: "order-placed",
} as const

export type OrderPlacedInboxJob = { order_id: string }

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
  },
}
