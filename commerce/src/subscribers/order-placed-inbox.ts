import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notifyMember } from "../notifications/notify-member"
import { orderPlacedNotice } from "../notifications/orders.zh-CN"

/** Tells the buyer in the in-app inbox that the order was placed (once per order). */
export default async function orderPlacedInbox({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const {
    data: [order],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "display_id", "customer_id", "total", "currency_code", "items.title"],
    filters: { id: event.data.id },
  })
  // Guest orders have no inbox.
  if (!order?.customer_id) return
  const titles = (order.items ?? [])
    .map((item: { title?: string } | null) => item?.title)
    .filter(Boolean) as string[]
  await notifyMember(
    container,
    order.customer_id,
    orderPlacedNotice({
      order_id: order.id,
      display_id: order.display_id ?? "",
      item_titles: titles,
      total: order.total as never,
    })
  )
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
