/** A question waits for a moderator, then is shown in the room or not at all. */
export const QUESTION_STATUSES = ["pending", "approved", "rejected"] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  pending: "待审核",
  approved: "已公开",
  rejected: "未通过",
}

/** Who moderates: the session's own expert, or staff holding 内容审核 (moderation:write). */
export type ModeratorType = "doctor" | "staff"

/** How the room names a member: never their name or phone. */
export const seatLabel = (seat: number) => `${seat} 号会员`
