/** Who wrote a review: the member (of the escort) or the escort (of the member). */
export const REVIEW_AUTHORS = ["member", "escort"] as const
export type ReviewAuthor = (typeof REVIEW_AUTHORS)[number]

/** clear: passed the filter; pending: waits in the moderation queue; approved/rejected: decided. */
export const REVIEW_MODERATION = ["clear", "pending", "approved", "rejected"] as const
export type ReviewModeration = (typeof REVIEW_MODERATION)[number]

/** Hours after 服务完成 at which both reviews open even when one side never wrote. */
export const REVIEW_WINDOW_HOURS = 48

export const otherSide = (author: ReviewAuthor): ReviewAuthor =>
  author === "member" ? "escort" : "member"

/** When the window opens by time alone. */
export function windowDeadline(startedAt: Date): Date {
  return new Date(startedAt.getTime() + REVIEW_WINDOW_HOURS * 3_600_000)
}

/**
 * Whether a sealed window opens now: both sides wrote, or the deadline passed with at least
 * one review to open (an empty window has nothing to show and stays as it is).
 */
export function revealDue(
  window: { started_at: Date; opened_at: Date | null },
  written: ReadonlySet<ReviewAuthor>,
  now: Date
): boolean {
  if (window.opened_at) return false
  if (written.has("member") && written.has("escort")) return true
  return written.size > 0 && now.getTime() >= windowDeadline(window.started_at).getTime()
}

/** A review shows (to the other side, and in the escort's public list) once opened and allowed. */
export function reviewShows(review: {
  opened_at: Date | string | null
  moderation: ReviewModeration
}): boolean {
  return !!review.opened_at && (review.moderation === "clear" || review.moderation === "approved")
}

/** The side's own view of where the pair stands, in the words the apps show. */
export type ReviewState = "not_written" | "waiting_other" | "other_written" | "opened"

export function reviewState(input: {
  mine: boolean
  theirs: boolean
  opened: boolean
}): ReviewState {
  if (input.opened) return "opened"
  if (input.mine) return "waiting_other"
  return input.theirs ? "other_written" : "not_written"
}

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  not_written: "待评价",
  waiting_other: "已评价，等待对方评价，双方评价后同时公开",
  other_written: "对方已评价，双方评价后同时公开",
  opened: "评价已公开",
}
