/** How long after 服务完成 the two parties may still write (issue #20: history kept after). */
export const CONVERSATION_DAYS_AFTER_COMPLETION = 7

const DAY_MS = 24 * 60 * 60 * 1000

/** The statuses of a task in service: an escort holds it. */
const IN_SERVICE = new Set(["accepted", "departed", "arrived", "accompanying"])
const DONE = new Set(["completed", "confirmed", "reviewed"])

export type ConversationState = {
  /** Both parties may send messages and pictures. */
  open: boolean
  /** Why not, in Chinese, for a refusal (409). */
  closedReason: string | null
}

/**
 * A booking's conversation is open from the moment an escort holds the task until
 * 7 days after 服务完成; afterwards both read it only. The same moment ends the task for
 * the escort: pictures, report documents and the report itself are no longer theirs to see.
 */
export function conversationState(
  booking: { status: string; escort_id: string | null },
  completedAt: Date | null,
  now: Date = new Date()
): ConversationState {
  if (!booking.escort_id && !DONE.has(booking.status)) {
    if (booking.status === "cancelled" || booking.status === "refunded") {
      return { open: false, closedReason: "订单已取消，消息记录仅供查看" }
    }
    return { open: false, closedReason: "陪诊员接单后才能发送消息" }
  }
  if (IN_SERVICE.has(booking.status)) return { open: true, closedReason: null }
  if (DONE.has(booking.status)) {
    const endsAt = (completedAt?.getTime() ?? 0) + CONVERSATION_DAYS_AFTER_COMPLETION * DAY_MS
    if (completedAt && now.getTime() < endsAt) return { open: true, closedReason: null }
    return {
      open: false,
      closedReason: `服务完成已超过 ${CONVERSATION_DAYS_AFTER_COMPLETION} 天，消息记录仅供查看`,
    }
  }
  return { open: false, closedReason: "订单已结束，消息记录仅供查看" }
}
