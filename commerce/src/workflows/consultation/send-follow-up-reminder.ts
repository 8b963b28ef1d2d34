import type { MedusaContainer } from "@medusajs/framework/types"
import type { FollowUpReminderJob } from "../../lib/queue/jobs"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import type ConsultationModuleService from "../../modules/consultation/service"
import { followUpReminderNotice } from "../../notifications/consultations.zh-CN"
import { notifyMember } from "../../notifications/notify-member"

/**
 * The morning of a follow-up: the member's inbox and a text (as their preferences allow). The
 * notice's idempotency keys make a retried job send nothing twice; `reminded_at` records it.
 */
export async function sendFollowUpReminder(container: MedusaContainer, job: FollowUpReminderJob) {
  const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const row = await consultations.followUp(job.follow_up_id)
  if (!row) return { skipped: true as const }
  const doctor = await consultations.doctorRow(row.doctor_id)
  const member = await notifyMember(
    container,
    row.customer_id,
    followUpReminderNotice({
      follow_up_id: row.id,
      due_date: row.due_date,
      doctor_name: doctor.name,
    })
  )
  await consultations.markFollowUpReminded(row.id)
  return { member }
}
