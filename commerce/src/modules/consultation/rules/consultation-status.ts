export type ConsultationStatus =
  | "pending_payment"
  | "awaiting_doctor"
  | "in_progress"
  | "completed"
  | "cancelled"
  | "refunded"

export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
  pending_payment: "待支付",
  awaiting_doctor: "待接诊",
  in_progress: "进行中",
  completed: "已完成",
  cancelled: "已取消",
  refunded: "已退款",
}

/**
 * Where each status may go. Paid consultations leave 待接诊 by the doctor answering, or by a
 * refund (the doctor declined or did not answer in time); nothing goes back.
 */
const NEXT: Record<ConsultationStatus, ConsultationStatus[]> = {
  pending_payment: ["awaiting_doctor", "cancelled"],
  awaiting_doctor: ["in_progress", "refunded"],
  in_progress: ["completed"],
  completed: [],
  cancelled: [],
  refunded: [],
}

export function canMove(from: ConsultationStatus, to: ConsultationStatus): boolean {
  return NEXT[from].includes(to)
}

/** The doctor's desk tabs: 待接诊 / 进行中 / 已完成 (refunded ones count as done). */
export const QUEUE_TABS = {
  waiting: ["awaiting_doctor"],
  active: ["in_progress"],
  done: ["completed", "refunded"],
} as const satisfies Record<string, readonly ConsultationStatus[]>

export type QueueTab = keyof typeof QUEUE_TABS

/** Member and doctor may write while the doctor has it (待接诊, 进行中), not before or after. */
export function conversationOpen(status: ConsultationStatus): boolean {
  return status === "awaiting_doctor" || status === "in_progress"
}
