import { describeSlot } from "../modules/appointment/rules/appointment-calendar"
import type { MemberNotice } from "./member-notice"

const MY_APPOINTMENTS = "/account/appointments"

/** Where a member whose checkout slot could not be booked picks another for the order. */
export const orderBookingLink = (orderId: string) =>
  `/account/appointments/book?order_id=${encodeURIComponent(orderId)}`

export type AppointmentReminderData = {
  appointment_id: string
  date: string
  slot: string
  site_name: string
  site_address: string
}

/** The day before (template `appointment-reminder`): one per appointment, day and slot. */
export function appointmentReminderNotice(data: AppointmentReminderData): MemberNotice {
  const when = describeSlot(data.date, data.slot)
  const key = `appointment-reminder:${data.appointment_id}:${data.date}:${data.slot}`
  return {
    template: "appointment-reminder",
    key,
    feed: {
      category: "appointment",
      title: `预约提醒：${when}`,
      body:
        `您预约了 ${when} 在${data.site_name}` +
        `（${data.site_address}）采样，请携带身份证件按时到店。如需改期或取消，请在「我的预约」中操作。`,
      link: MY_APPOINTMENTS,
      dedupe_key: key,
    },
  }
}

/** What staff did to an appointment, told to the member (members know what they did). */
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

export type AppointmentStatusData = {
  event_id: string
  status: string
  /** The slot the timeline entry names (the new one for a reschedule). */
  date: string
  slot: string
  site_name: string
}

/** Template `appointment-status`, or null for steps members are not told of. */
export function appointmentStatusNotice(data: AppointmentStatusData): MemberNotice | null {
  const notice = STAFF_NOTICES[data.status]
  if (!notice) return null
  const { title, body } = notice(`${describeSlot(data.date, data.slot)}（${data.site_name}）`)
  const key = `appointment-status:${data.event_id}`
  return {
    template: "appointment-status",
    key,
    feed: { category: "appointment", title, body, link: MY_APPOINTMENTS, dedupe_key: key },
  }
}

export type OrderCollectionUnbookedData = {
  order_id: string
  order_display_id: number | null
  date: string
  slot: string
  site_id: string
  site_name: string | null
  reason: string
  /** The order chose one slot: the notice is keyed by the order alone. */
  only_choice: boolean
}

/** The slot chosen at checkout could not be booked (template `order-collection-unbooked`). */
export function orderCollectionUnbookedNotice(data: OrderCollectionUnbookedData): MemberNotice {
  // The order stays placed; the member picks another slot for it from 我的预约.
  const order = data.order_display_id ? `订单 #${data.order_display_id} ` : "订单"
  // One notice per slot that could not be booked, however often the job runs.
  const key = data.only_choice
    ? `order-collection-unbooked:${data.order_id}`
    : `order-collection-unbooked:${data.order_id}:${data.site_id}:${data.date}:${data.slot}`
  return {
    template: "order-collection-unbooked",
    key,
    feed: {
      category: "appointment",
      title: "现场采集预约未成功，请重新选择时段",
      body:
        `您在${order}中选择的 ${describeSlot(data.date, data.slot)}` +
        `${data.site_name ? `（${data.site_name}）` : ""}未能预约：` +
        `${data.reason || "该时段已不可预约"}。订单不受影响，请在「我的预约」中为这笔订单另选采集点和时段。`,
      link: orderBookingLink(data.order_id),
      dedupe_key: key,
    },
  }
}

const beijingStart = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
})

export type ClinicPromotedData = {
  signup_id: string
  session_title: string
  starts_at: string | Date
  place: string | null
}

/** A waitlisted member got a place (template `clinic-promoted`). */
export function clinicPromotedNotice(data: ClinicPromotedData): MemberNotice {
  const starts = beijingStart.format(new Date(data.starts_at))
  const key = `clinic-promoted:${data.signup_id}`
  return {
    template: "clinic-promoted",
    key,
    feed: {
      category: "appointment",
      title: `候补成功：${data.session_title}`,
      body:
        `有会员取消了报名，您已从候补转为正式报名：${data.session_title}，${starts}` +
        `${data.place ? `，地点：${data.place}` : ""}。如不能参加，请在「我的预约」中取消，把名额留给他人。`,
      link: MY_APPOINTMENTS,
      dedupe_key: key,
    },
  }
}
