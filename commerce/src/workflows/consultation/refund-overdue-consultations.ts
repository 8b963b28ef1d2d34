import type { MedusaContainer } from "@medusajs/framework/types"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import { paymentMinutes } from "../../modules/consultation/rules/answer-deadline"
import type ConsultationModuleService from "../../modules/consultation/service"
import { refundConsultationWorkflow } from "./refund-consultation"

/**
 * The consultation sweep (BullMQ, every minute): paid consultations no doctor took by their
 * deadline are refunded in full; unpaid ones past CONSULTATION_PAYMENT_MINUTES are cancelled.
 * `now` is injectable so tests move time instead of waiting.
 */
export async function refundOverdueConsultations(
  container: MedusaContainer,
  now = new Date()
): Promise<{ refunded: string[]; expired: string[] }> {
  const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const refunded: string[] = []
  for (const id of await consultations.overdue(now)) {
    const { result } = await refundConsultationWorkflow(container).run({
      input: { consultation_id: id, reason: "医生未在承诺时间内回复" },
    })
    if (result.refunded) refunded.push(id)
  }
  const expired = await consultations.expireUnpaid(
    new Date(now.getTime() - paymentMinutes() * 60_000)
  )
  return { refunded, expired }
}
