import { ACTIVE_APPOINTMENT_STATUSES } from "../modules/appointment/rules/appointment-status"
import {
  AppointmentJob,
  QueueName,
  type AppointmentReminderJob,
  type OrderCollectionJob,
} from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { APPOINTMENT_MODULE } from "../modules/appointment"
import type AppointmentModuleService from "../modules/appointment/service"
import {
  appointmentReminderNotice,
  orderCollectionUnbookedNotice,
} from "../notifications/appointments.zh-CN"
import { notifyMember } from "../notifications/notify-member"
import { describeSlot } from "../modules/appointment/rules/appointment-calendar"
import { sendMemberEventTemplate } from "../workflows/official-account/send-member-event-template"
import { bookOrderCollectionAppointment } from "../workflows/appointments/book-order-collection-appointment"

/**
 * What the Notification Module cannot do alone: the reminder delayed to the day before,
 * and the booking of the slot an order chose at checkout (retried while the CMS is down).
 */
export const appointmentsQueue: QueueProcessor = {
  queue: QueueName.APPOINTMENTS,
  concurrency: 5,
  handlers: {
    [AppointmentJob.REMIND]: async (job: AppointmentReminderJob, { container }) => {
      const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
      const [appointment] = await appointments.appointmentViews([job.appointment_id])
      // Cancelled, completed or moved since: the reminder of its new slot is another job.
      if (
        !appointment ||
        !ACTIVE_APPOINTMENT_STATUSES.includes(appointment.status) ||
        appointment.date !== job.date ||
        appointment.slot !== job.slot
      ) {
        return { skipped: true }
      }
      const outcome = await notifyMember(
        container,
        appointment.customer_id,
        appointmentReminderNotice({
          appointment_id: job.appointment_id,
          date: job.date,
          slot: job.slot,
          site_name: appointment.site.name,
          site_address: appointment.site.address,
        })
      )
      // A follower of the service account also gets its template message (once per slot).
      await sendMemberEventTemplate(container, {
        customer_id: appointment.customer_id,
        notice_key: `appointment-reminder:${job.appointment_id}:${job.date}:${job.slot}`,
        kind: "appointment_reminder",
        subject: `${appointment.site.name} ${describeSlot(job.date, job.slot)}`,
        status: "明日采样",
        path: "/account/appointments",
      })
      return outcome
    },
    [AppointmentJob.ORDER_COLLECTION]: async ({ order_id }: OrderCollectionJob, { container }) => {
      const result = await bookOrderCollectionAppointment(container, order_id)
      if (result.outcome !== "handled") return result
      for (const booking of result.bookings) {
        if (booking.outcome !== "unbooked") continue
        await notifyMember(
          container,
          result.customer_id,
          orderCollectionUnbookedNotice({
            order_id: result.order_id,
            order_display_id: result.order_display_id,
            date: booking.choice.date,
            slot: booking.choice.slot,
            site_id: booking.choice.site_id,
            site_name: booking.choice.site_name ?? null,
            reason: booking.reason,
            only_choice: result.bookings.length === 1,
          })
        )
      }
      return result
    },
  },
}
