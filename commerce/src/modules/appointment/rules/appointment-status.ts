import { APPOINTMENT_STATUS_LABELS, type AppointmentStatus } from "@health/contracts"

// Statuses and their labels are shared with the storefronts: @health/contracts.
export {
  ACTIVE_APPOINTMENT_STATUSES,
  APPOINTMENT_STATUSES,
  APPOINTMENT_STATUS_LABELS,
  CLINIC_SIGNUP_STATUSES,
  CLINIC_SIGNUP_STATUS_LABELS,
  type AppointmentStatus,
  type ClinicSignupStatus,
} from "@health/contracts"

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
