import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseCanceledOrderCommissionsWorkflow } from "../workflows/reverse-refunded-commissions"

export default async function orderCanceledReverseCommissions({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseCanceledOrderCommissionsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = { event: "order.canceled" }
