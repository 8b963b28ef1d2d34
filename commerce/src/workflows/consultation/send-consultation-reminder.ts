import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ConsultationReminderJob } from "../../lib/queue/jobs"
import { CONSULTATION_MODULE } from "../../modules/consultation"
import { beijingTime } from "../../modules/consultation/rules/slots"
import type ConsultationModuleService from "../../modules/consultation/service"
import { consultationReminderNotice } from "../../notifications/consultations.zh-CN"
import { NotificationChannel } from "../../notifications/channels"
import { notifyMember } from "../../notifications/notify-member"

/**
 * The delayed reminder before a booked slot: the member through the inbox and a text (as
 * their preferences allow), the doctor by text. Only for a paid consultation still holding
 * that slot; every channel has its idempotency key, so a retried job sends nothing twice.
 */
export async function sendConsultationReminder(
  container: MedusaContainer,
  job: ConsultationReminderJob
): Promise<{ skipped: true } | { member: unknown; doctor: "sent" | "no_phone" }> {
  const consultations = container.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const row = await consultations.ownedConsultation(job.consultation_id).catch(() => null)
  const booking = row && (await consultations.slotBookingsOf([row.id])).get(row.id)
  const start = new Date(job.slot_start).toISOString()
  if (
    !row ||
    (row.mode !== "phone" && row.mode !== "video") ||
    !["awaiting_doctor", "in_progress"].includes(row.status) ||
    !booking ||
    booking.released_at ||
    new Date(booking.slot_start).toISOString() !== start
  ) {
    return { skipped: true }
  }
  const doctor = await consultations.doctorRow(row.doctor_id)
  const notice = consultationReminderNotice({
    consultation_id: row.id,
    mode: row.mode,
    slot_start: start,
    doctor_name: doctor.name,
  })
  const member = await notifyMember(container, row.customer_id, notice)
  if (!doctor.phone) return { member, doctor: "no_phone" }
  await container.resolve<INotificationModuleService>(Modules.NOTIFICATION).createNotifications({
    to: doctor.phone,
    channel: NotificationChannel.SMS,
    template: "consultation-reminder",
    data: {
      template: "consultation-reminder",
      params: { doctor: doctor.name, time: beijingTime(start) },
    },
    idempotency_key: `${notice.key}:doctor`,
  })
  return { member, doctor: "sent" }
}
