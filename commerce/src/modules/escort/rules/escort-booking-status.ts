/** A booking's states, in the order a service moves through them (issue #20 item 4). */
export const ESCORT_BOOKING_STATUSES = [
  "pending_payment",
  "awaiting_escort",
  "accepted",
  "departed",
  "arrived",
  "accompanying",
  "completed",
  "confirmed",
  "reviewed",
  "cancelled",
  "refunded",
] as const
export type EscortBookingStatus = (typeof ESCORT_BOOKING_STATUSES)[number]

export const ESCORT_BOOKING_STATUS_LABELS: Record<EscortBookingStatus, string> = {
  pending_payment: "待支付",
  awaiting_escort: "待接单",
  accepted: "已接单",
  departed: "已出发",
  arrived: "已到达",
  accompanying: "陪同就医",
  completed: "服务完成",
  confirmed: "已确认",
  reviewed: "已评价",
  cancelled: "已取消",
  refunded: "已退款",
}

/** The steps the assigned escort reports, each one only from the step before it. */
export const ESCORT_PROGRESS_STEPS = ["departed", "arrived", "accompanying", "completed"] as const
export type EscortProgressStep = (typeof ESCORT_PROGRESS_STEPS)[number]

const ORDER: EscortBookingStatus[] = [
  "accepted",
  "departed",
  "arrived",
  "accompanying",
  "completed",
]

/** The status a progress step must start from. */
export function progressFrom(step: EscortProgressStep): EscortBookingStatus {
  return ORDER[ORDER.indexOf(step) - 1]
}

/** Why `current` cannot move to `step`, in Chinese; null when it can. */
export function progressRefusal(
  current: EscortBookingStatus,
  step: EscortProgressStep
): string | null {
  if (current === progressFrom(step)) return null
  const label = ESCORT_BOOKING_STATUS_LABELS
  const at = ORDER.indexOf(current)
  if (at < 0) return `订单当前为「${label[current]}」，不能更新服务进度`
  if (at >= ORDER.indexOf(step)) {
    return `订单已是「${label[current]}」，不能回到「${label[step]}」`
  }
  return `请先完成「${label[ORDER[at + 1]]}」，不能跳过步骤直接到「${label[step]}」`
}

/** States in which an escort is holding the time window (for double-booking checks). */
export const ESCORT_BUSY_STATUSES: EscortBookingStatus[] = [
  "accepted",
  "departed",
  "arrived",
  "accompanying",
]

/** A finished service: 服务完成, 已确认, or 已评价 (the member's review opened after confirming). */
export const ESCORT_DONE_STATUSES: EscortBookingStatus[] = ["completed", "confirmed", "reviewed"]
