import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderPaymentWorkflow } from "../workflows/record-order-payment"

/** Staff captured an offline payment: the order's commissions may now mature. */
export default async function paymentCapturedStartHold({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordOrderPaymentWorkflow(container).run({ input: { payment_id: data.id } })
}

export const config: SubscriberConfig = { event: "payment.captured" }
