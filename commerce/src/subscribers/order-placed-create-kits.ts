import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { createOrderKitsWorkflow } from "../workflows/health-archive/create-order-kits"

/** Every gene-test unit of a placed order becomes a kit in the buyer's health archive. */
export default async function orderPlacedCreateKits({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await createOrderKitsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
