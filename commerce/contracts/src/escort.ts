/**
 * 陪诊 (issue #20): a booking's states as the store API names them, their zh-CN labels, and
 * the steps the member's timeline shows. Commerce's escort module keeps the same list.
 */
export const ESCORT_BOOKING_STATUS_LABELS = {
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
} as const

export type EscortBookingStatus = keyof typeof ESCORT_BOOKING_STATUS_LABELS

/** The timeline's steps in order; 已取消 and 已退款 end it off this line. */
export const ESCORT_TIMELINE_STEPS = [
  "pending_payment",
  "awaiting_escort",
  "accepted",
  "departed",
  "arrived",
  "accompanying",
  "completed",
  "confirmed",
  "reviewed",
] as const satisfies readonly EscortBookingStatus[]

/** The label of a status commerce sent, or the raw value for one this client does not know. */
export function escortBookingStatusLabel(status: string): string {
  return (ESCORT_BOOKING_STATUS_LABELS as Record<string, string>)[status] ?? status
}
