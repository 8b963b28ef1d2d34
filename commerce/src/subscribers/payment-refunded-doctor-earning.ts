import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { consultationOfPayment } from "../workflows/doctor-income/consultation-of-payment"
import { reverseDoctorEarningWorkflow } from "../workflows/doctor-income/reverse-doctor-earning"

/** Finance refunded a consultation's payment: the doctor's earning shrinks to match. */
export default async function paymentRefundedDoctorEarning({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const consultationId = await consultationOfPayment(container, event.data.id)
  if (!consultationId) return
  await reverseDoctorEarningWorkflow(container).run({
    input: { consultation_id: consultationId },
  })
}

export const config: SubscriberConfig = { event: PaymentEvents.REFUNDED }
