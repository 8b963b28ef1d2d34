import { formatBeijingTime } from "../../components/finance/finance-format"
import { GROUP_SESSION_MESSAGES as M } from "./group-session-messages"
import type { AdminGroupQuestion, AdminGroupSession } from "./group-session-types"

const PHASE_ORDER: Record<AdminGroupSession["phase"], number> = { live: 0, upcoming: 1, ended: 2 }

/**
 * The sessions as a moderator works through them: live ones first, then the next to start,
 * then those over, the latest first.
 */
export function orderSessions(sessions: AdminGroupSession[]): AdminGroupSession[] {
  return [...sessions].sort(
    (a, b) =>
      PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] ||
      (a.phase === "ended"
        ? b.starts_at.localeCompare(a.starts_at)
        : a.starts_at.localeCompare(b.starts_at))
  )
}

/** "2026-12-20 19:30–20:30" in Beijing time (the end's date too when it is another day). */
export function sessionTimes(session: Pick<AdminGroupSession, "starts_at" | "ends_at">): string {
  const start = formatBeijingTime(session.starts_at)
  const end = formatBeijingTime(session.ends_at)
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`
}

export type QuestionTab = keyof typeof M.tabs

/**
 * The questions by where they stand: waiting ones oldest first (asked first, decided first),
 * public ones in the room's order, rejected ones the latest decided first.
 */
export function questionTabs(
  questions: AdminGroupQuestion[]
): Record<QuestionTab, AdminGroupQuestion[]> {
  const of = (status: QuestionTab) => questions.filter((q) => q.status === status)
  const by =
    (key: (q: AdminGroupQuestion) => string) => (a: AdminGroupQuestion, b: AdminGroupQuestion) =>
      key(a).localeCompare(key(b))
  return {
    pending: of("pending").sort(by((q) => q.created_at)),
    approved: of("approved").sort(by((q) => q.approved_at ?? q.created_at)),
    rejected: of("rejected").sort((a, b) => by((q) => q.decided_at ?? q.created_at)(b, a)),
  }
}

/** Who decided, as the record shows it: "平台审核 · 2026-12-20 19:35". */
export function decisionLine(question: AdminGroupQuestion): string {
  if (!question.decided_by_type || !question.decided_at) return ""
  return `${M.decidedBy[question.decided_by_type]} · ${formatBeijingTime(question.decided_at)}`
}

export type Decision = { action: "approve" } | { action: "reject"; reason?: string }

/**
 * The admin call for a decision, or why it cannot be sent: approving takes no body; rejecting
 * takes an optional reason of at most 200 characters (commerce's own limit), trimmed.
 */
export function decisionRequest(
  sessionId: string,
  questionId: string,
  decision: Decision
): { path: string; body: { reason?: string } } | { error: string } {
  const path = `/admin/group-sessions/${encodeURIComponent(sessionId)}/questions/${encodeURIComponent(
    questionId
  )}/${decision.action}`
  if (decision.action === "approve") return { path, body: {} }
  const reason = decision.reason?.trim() ?? ""
  if (reason.length > 200) return { error: M.reasonTooLong }
  return { path, body: reason ? { reason } : {} }
}
