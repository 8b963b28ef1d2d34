/** Collection-site appointments and clinic sign-ups: their statuses and the words shown for them. */
export const APPOINTMENT_STATUSES = [
  "pending",
  "confirmed",
  "rescheduled",
  "cancelled",
  "completed",
] as const

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  pending: "待确认",
  confirmed: "已确认",
  rescheduled: "已改期",
  cancelled: "已取消",
  completed: "已完成",
}

/** Statuses that hold a place in their slot (and can still be confirmed, moved or cancelled). */
export const ACTIVE_APPOINTMENT_STATUSES: readonly AppointmentStatus[] = [
  "pending",
  "confirmed",
  "rescheduled",
]

export const CLINIC_SIGNUP_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const

export type ClinicSignupStatus = (typeof CLINIC_SIGNUP_STATUSES)[number]

export const CLINIC_SIGNUP_STATUS_LABELS: Record<ClinicSignupStatus, string> = {
  confirmed: "已报名",
  waitlisted: "候补中",
  cancelled: "已取消",
}
