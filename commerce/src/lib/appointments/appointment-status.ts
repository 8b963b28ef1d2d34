export const APPOINTMENT_STATUSES = [
  "pending",
  "confirmed",
  "rescheduled",
  "cancelled",
  "completed",
] as const

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

/** Statuses that hold a place in their slot. */
export const ACTIVE_APPOINTMENT_STATUSES: AppointmentStatus[] = [
  "pending",
  "confirmed",
  "rescheduled",
]

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  pending: "待确认",
  confirmed: "已确认",
  rescheduled: "已改期",
  cancelled: "已取消",
  completed: "已完成",
}

export type AppointmentAction = "confirm" | "complete" | "cancel" | "reschedule"

export const APPOINTMENT_TRANSITIONS: Record<
  AppointmentAction,
  { from: AppointmentStatus[]; to: AppointmentStatus }
> = {
  confirm: { from: ["pending", "rescheduled"], to: "confirmed" },
  complete: { from: ["pending", "confirmed", "rescheduled"], to: "completed" },
  cancel: { from: ["pending", "confirmed", "rescheduled"], to: "cancelled" },
  reschedule: { from: ["pending", "confirmed", "rescheduled"], to: "rescheduled" },
}

/** Why an appointment in `status` cannot take `action`; null when it can. */
export function appointmentTransitionRefusal(
  status: AppointmentStatus,
  action: AppointmentAction
): string | null {
  if (APPOINTMENT_TRANSITIONS[action].from.includes(status)) return null
  if (status === "cancelled") return "该预约已取消，如需到店请重新预约"
  if (status === "completed") return "该预约已完成，不能再修改"
  if (action === "confirm" && status === "confirmed") return "该预约已确认"
  return `预约当前为「${APPOINTMENT_STATUS_LABELS[status]}」，不能执行此操作`
}

export const CLINIC_SIGNUP_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const

export type ClinicSignupStatus = (typeof CLINIC_SIGNUP_STATUSES)[number]

export const CLINIC_SIGNUP_STATUS_LABELS: Record<ClinicSignupStatus, string> = {
  confirmed: "已报名",
  waitlisted: "候补中",
  cancelled: "已取消",
}
