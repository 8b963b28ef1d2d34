import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { cancelOrderKitsWorkflow } from "../workflows/health-archive/cancel-order-kits"

/** A canceled order's kits that were not yet used are voided. */
export default async function orderCanceledCancelKits({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await cancelOrderKitsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
