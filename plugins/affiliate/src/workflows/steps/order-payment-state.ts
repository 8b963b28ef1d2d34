import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderPaidAt, type OrderForPaidAt } from "../../lib/order-paid-at"

export type OrderPaymentState = {
  order_id: string
  customer_id: string | null
  status: string
  paid_at: Date | null
}

/** The fields `orderPaidAt` needs, for steps that read the order anyway. */
export const ORDER_PAYMENT_FIELDS = [
  "id",
  "customer_id",
  "status",
  "created_at",
  "total",
  "payment_collections.payments.captured_at",
  "payment_collections.payments.canceled_at",
]

type OrderRow = OrderForPaidAt & { id: string; customer_id?: string | null; status: string }

export function paymentStateOf(order: OrderRow): OrderPaymentState {
  return {
    order_id: order.id,
    customer_id: order.customer_id ?? null,
    status: order.status,
    paid_at: orderPaidAt(order),
  }
}

/** Whether (and when) Medusa has the order paid: its payments are the source of truth. */
export async function orderPaymentState(
  container: MedusaContainer,
  orderId: string
): Promise<OrderPaymentState | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_PAYMENT_FIELDS,
    filters: { id: orderId },
  })
  const order = data[0] as unknown as OrderRow | undefined
  return order ? paymentStateOf(order) : null
}
