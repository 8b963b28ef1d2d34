import type { EscortBookingStatus } from "./escort-booking-status"

/** After 服务完成 the escort keeps the patient's details this long, to write the report. */
export const PATIENT_DETAILS_GRACE_HOURS = 24

const ACTIVE: EscortBookingStatus[] = ["accepted", "departed", "arrived", "accompanying"]
const DONE: EscortBookingStatus[] = ["completed", "confirmed", "reviewed"]

export type PatientDetailsAccess = { visible: true } | { visible: false; reason: string }

/**
 * Whether the escort on a task may see the patient's name, ID number (masked), meeting point,
 * needs and the hospital's details: from assignment until 服务完成 plus the grace, and only
 * while the member's consent to share them with the escort stands (个人信息保护法 art. 23).
 */
export function patientDetailsAccess(task: {
  status: EscortBookingStatus
  completed_at: Date | null
  sharing_withdrawn: boolean
  now: Date
}): PatientDetailsAccess {
  if (task.sharing_withdrawn) {
    return { visible: false, reason: "会员已撤回向陪诊员提供就诊人信息的同意，就诊人信息不再显示" }
  }
  if (ACTIVE.includes(task.status)) return { visible: true }
  if (DONE.includes(task.status) && task.completed_at) {
    const until = task.completed_at.getTime() + PATIENT_DETAILS_GRACE_HOURS * 3600_000
    if (task.now.getTime() < until) return { visible: true }
  }
  return { visible: false, reason: "服务已结束，就诊人信息不再显示" }
}
