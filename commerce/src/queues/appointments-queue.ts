import { describeSlot } from "../lib/appointments/appointment-calendar"
import { ACTIVE_APPOINTMENT_STATUSES } from "../lib/appointments/appointment-status"
import {
  AppointmentJob,
  QueueName,
  type AppointmentReminderJob,
  type AppointmentStatusNoticeJob,
  type ClinicPromotedJob,
  type OrderCollectionJob,
} from "../lib/queue/jobs"
import type { QueueProcessor } from "../lib/queue/queue-processor"
import { APPOINTMENT_MODULE } from "../modules/appointment"
import type AppointmentModuleService from "../modules/appointment/service"
import { INBOX_MODULE } from "../modules/inbox"
import type InboxModuleService from "../modules/inbox/service"
import { bookOrderCollectionAppointment } from "../workflows/appointments/book-order-collection-appointment"

/** Where a member whose checkout slot could not be booked picks another for the order. */
export const orderBookingLink = (orderId: string) =>
  `/account/appointments/book?order_id=${encodeURIComponent(orderId)}`

const MY_APPOINTMENTS = "/account/appointments"

const STAFF_NOTICES: Record<string, (slot: string) => { title: string; body: string }> = {
  confirmed: (slot) => ({
    title: "预约已确认",
    body: `您在 ${slot} 的到店采样预约已由客服确认，请按时到店。`,
  }),
  rescheduled: (slot) => ({
    title: "预约已改期",
    body: `客服已将您的到店采样预约改到 ${slot}。如时间不合适，可在「我的预约」中改期或取消。`,
  }),
  cancelled: (slot) => ({
    title: "预约已取消",
    body: `您在 ${slot} 的到店采样预约已由客服取消。如仍需采样，请重新预约。`,
  }),
}

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
      return container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
        customer_id: appointment.customer_id,
        category: "appointment",
        title: `预约提醒：${describeSlot(appointment.date, appointment.slot)}`,
        body:
          `您预约了 ${describeSlot(appointment.date, appointment.slot)} 在${appointment.site.name}` +
          `（${appointment.site.address}）采样，请携带身份证件按时到店。如需改期或取消，请在「我的预约」中操作。`,
        link: MY_APPOINTMENTS,
        dedupe_key: `appointment-reminder:${job.appointment_id}:${job.date}:${job.slot}`,
      })
    },
    [AppointmentJob.STATUS_NOTICE]: async (job: AppointmentStatusNoticeJob, { container }) => {
      const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
      const [appointment] = await appointments.appointmentViews([job.appointment_id])
      const [event] = await appointments.listAppointmentEvents({ id: job.event_id }, { take: 1 })
      const notice = event && STAFF_NOTICES[event.status]
      if (!appointment || !notice) return { skipped: true }
      const { title, body } = notice(
        `${describeSlot(event.date, event.slot)}（${appointment.site.name}）`
      )
      return container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
        customer_id: appointment.customer_id,
        category: "appointment",
        title,
        body,
        link: MY_APPOINTMENTS,
        dedupe_key: `appointment-status:${job.event_id}`,
      })
    },
    [AppointmentJob.ORDER_COLLECTION]: async ({ order_id }: OrderCollectionJob, { container }) => {
      const result = await bookOrderCollectionAppointment(container, order_id)
      if (result.outcome !== "handled") return result
      // The order stays placed; the member picks another slot for it from 我的预约.
      const order = result.order_display_id ? `订单 #${result.order_display_id} ` : "订单"
      const inbox = container.resolve<InboxModuleService>(INBOX_MODULE)
      for (const booking of result.bookings) {
        if (booking.outcome !== "unbooked") continue
        const { choice } = booking
        await inbox.deliver({
          customer_id: result.customer_id,
          category: "appointment",
          title: "现场采集预约未成功，请重新选择时段",
          body:
            `您在${order}中选择的 ${describeSlot(choice.date, choice.slot)}` +
            `${choice.site_name ? `（${choice.site_name}）` : ""}未能预约：` +
            `${booking.reason || "该时段已不可预约"}。订单不受影响，请在「我的预约」中为这笔订单另选采集点和时段。`,
          link: orderBookingLink(result.order_id),
          // One notice per slot that could not be booked, however often the job runs.
          dedupe_key:
            result.bookings.length === 1
              ? `order-collection-unbooked:${result.order_id}`
              : `order-collection-unbooked:${result.order_id}:${choice.site_id}:${choice.date}:${choice.slot}`,
        })
      }
      return result
    },
    [AppointmentJob.CLINIC_PROMOTED]: async ({ signup_id }: ClinicPromotedJob, { container }) => {
      const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
      const [signup] = await appointments.signupViews([signup_id])
      if (!signup || signup.status !== "confirmed") return { skipped: true }
      const starts = new Intl.DateTimeFormat("zh-CN", {
        timeZone: "Asia/Shanghai",
        month: "long",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hour12: false,
      }).format(new Date(signup.session.starts_at))
      return container.resolve<InboxModuleService>(INBOX_MODULE).deliver({
        customer_id: signup.customer_id,
        category: "appointment",
        title: `候补成功：${signup.session.title}`,
        body:
          `有会员取消了报名，您已从候补转为正式报名：${signup.session.title}，${starts}` +
          `${signup.session.place ? `，地点：${signup.session.place}` : ""}。如不能参加，请在「我的预约」中取消，把名额留给他人。`,
        link: MY_APPOINTMENTS,
        dedupe_key: `clinic-promoted:${signup_id}`,
      })
    },
  },
}
