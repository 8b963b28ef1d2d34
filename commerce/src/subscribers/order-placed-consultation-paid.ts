import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { consultationOfOrder } from "../workflows/consultation/consultation-of-order"
import { markConsultationPaidWorkflow } from "../workflows/consultation/mark-consultation-paid"

/** An order paying for a consultation moves it to 待接诊 (once). */
export default async function orderPlacedConsultationPaid({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const consultationId = await consultationOfOrder(container, event.data.id)
  if (!consultationId) return
  await markConsultationPaidWorkflow(container).run({
    input: { order_id: event.data.id, consultation_id: consultationId },
  })
}

export const config: SubscriberConfig = { event: "order.placed" }
