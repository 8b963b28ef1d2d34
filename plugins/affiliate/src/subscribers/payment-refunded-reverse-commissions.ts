import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseRefundedCommissionsWorkflow } from "../workflows/reverse-refunded-commissions"

export default async function paymentRefundedReverseCommissions({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await reverseRefundedCommissionsWorkflow(container).run({ input: { payment_id: data.id } })
}

export const config: SubscriberConfig = { event: "payment.refunded" }
