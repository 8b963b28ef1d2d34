import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncOrderPaymentWorkflow } from "../workflows/record-order-payment"

/**
 * A completed order can no longer be returned in the normal flow: a paid one's
 * commissions mature at once. An unpaid one's wait for the capture, which matures them.
 */
export default async function orderCompletedMatureCommissions({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await syncOrderPaymentWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = { event: "order.completed" }
