import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { matureOrderCommissionsWorkflow } from "../workflows/mature-commissions"

/** A completed order can no longer be returned in the normal flow: release its hold. */
export default async function orderCompletedMatureCommissions({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await matureOrderCommissionsWorkflow(container).run({ input: { order_id: data.id, force: true } })
}

export const config: SubscriberConfig = { event: "order.completed" }
