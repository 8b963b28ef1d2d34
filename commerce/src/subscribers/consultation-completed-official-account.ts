import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CONSULTATION_MODULE } from "../modules/consultation"
import type ConsultationModuleService from "../modules/consultation/service"
import { sendMemberEventTemplate } from "../workflows/official-account/send-member-event-template"

/**
 * The doctor answered with their advice, which closes the consultation: 医生已回复 as the
 * service account's template message, once per consultation. No health detail: the
 * message shows on the lock screen.
 */
export default async function consultationCompletedOfficialAccount({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const [consultation] = await consultations.listConsultations({ id: event.data.id }, { take: 1 })
  if (!consultation) return
  await sendMemberEventTemplate(container, {
    customer_id: consultation.customer_id,
    notice_key: `consultation-completed:${consultation.id}`,
    kind: "consultation",
    subject: "在线问诊",
    status: "医生已回复",
    path: `/account/consultations/${consultation.id}`,
  })
}

export const config: SubscriberConfig = { event: "consultation.completed" }
