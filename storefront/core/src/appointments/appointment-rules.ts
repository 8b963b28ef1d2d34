import type { Appointment } from "@health/contracts"
import type { ClinicSessionState, SlotAvailability } from "./types"

/** An appointment that still holds a place: it can be rescheduled or cancelled. */
export function isActiveAppointment(appointment: Pick<Appointment, "status">): boolean {
  return ["pending", "confirmed", "rescheduled"].includes(appointment.status)
}

/** "12月1日 周二" for a YYYY-MM-DD day (a calendar day, no time zone shift). */
export function formatAppointmentDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`)
  return `${day.getUTCMonth() + 1}月${day.getUTCDate()}日 周${"日一二三四五六"[day.getUTCDay()]}`
}

/** The calendar day `days` days after (or before) a YYYY-MM-DD day. */
export function shiftDay(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** What a slot button says: places left, full, or closed. */
export function slotLabel(slot: SlotAvailability): string {
  if (slot.remaining === 0) return "已约满"
  if (!slot.bookable) return "不可预约"
  return `余 ${slot.remaining}`
}

/** The sign-up button's state for a clinic session, from the member's point of view. */
export function clinicSignupState(
  state: Pick<ClinicSessionState, "confirmed_count" | "signup">,
  capacity: number
): { action: "sign_up" | "join_waitlist" | "cancel"; label: string; note: string } {
  const mine = state.signup
  if (mine?.status === "confirmed") {
    return { action: "cancel", label: "取消报名", note: "您已报名" }
  }
  if (mine?.status === "waitlisted") {
    return {
      action: "cancel",
      label: "退出候补",
      note: `候补第 ${mine.waitlist_position ?? 1} 位，有名额时会通知您`,
    }
  }
  const left = Math.max(0, capacity - state.confirmed_count)
  return left > 0
    ? { action: "sign_up", label: "报名", note: `剩余 ${left} 个名额` }
    : { action: "join_waitlist", label: "加入候补", note: "名额已满，可加入候补" }
}

/** Medusa prefixes body validation messages in English; ours are Chinese already. */
export function plainRefusal(message: string): string {
  return message.replace(/^Invalid request:\s*/, "")
}
