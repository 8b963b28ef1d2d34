import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { returnCanceledOrderStoreCreditWorkflow } from "../workflows/store-credit"

export default async function orderCanceledReturnStoreCredit({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await returnCanceledOrderStoreCreditWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = { event: "order.canceled" }
