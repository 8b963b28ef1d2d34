import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ORDER_PAYMENT_FIELDS, paymentStateOf } from "../workflows/orders/order-payment-state"
import { sendMemberEventTemplate } from "../workflows/official-account/send-member-event-template"

/**
 * 订单支付成功 as the service account's template message, to a buyer who follows it. An
 * offline (岳阳) order is placed before its money arrives, so it is not announced as paid.
 */
export default async function orderPlacedOfficialAccount({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const {
    data: [order],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: [...ORDER_PAYMENT_FIELDS, "display_id", "customer_id", "created_at", "items.title"],
    filters: { id: event.data.id },
  })
  if (!order?.customer_id || paymentStateOf(order as never).payment_offline) return
  const titles = (order.items ?? [])
    .map((item: { title?: string } | null) => item?.title)
    .filter(Boolean) as string[]
  await sendMemberEventTemplate(container, {
    customer_id: order.customer_id,
    notice_key: `order-paid:${order.id}`,
    kind: "order_paid",
    subject:
      titles.length > 1
        ? `${titles[0]}等${titles.length}件`
        : titles[0] || `订单 #${order.display_id}`,
    status: "支付成功",
    at: order.created_at ? new Date(order.created_at as string) : undefined,
    path: `/account/orders/${order.id}`,
  })
}

export const config: SubscriberConfig = { event: "order.placed" }
