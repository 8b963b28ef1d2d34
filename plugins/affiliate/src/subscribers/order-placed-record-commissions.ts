import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderCommissionsWorkflow } from "../workflows/record-order-commissions"

export default async function orderPlacedRecordCommissions({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordOrderCommissionsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = { event: "order.placed" }
