import type { ModeratorType, QuestionStatus } from "./rules/question-status"
import type { SessionPhase } from "./rules/session-schedule"

export type GroupSessionRow = {
  id: string
  doctor_id: string
  title: string
  topic: string
  starts_at: Date
  ends_at: Date
  capacity: number
  created_at: Date
}

export type ParticipantRow = {
  id: string
  session_id: string
  customer_id: string
  seat: number
  created_at: Date
}

export type QuestionRow = {
  id: string
  session_id: string
  customer_id: string
  seat: number
  text: string
  status: QuestionStatus
  decided_by_type: ModeratorType | null
  decided_by: string | null
  decided_at: Date | null
  reject_reason: string | null
  answer: string | null
  answered_at: Date | null
  created_at: Date
}

/** A session as every client reads it (the expert's profile is added by the API). */
export type GroupSessionView = {
  id: string
  doctor_id: string
  title: string
  topic: string
  starts_at: string
  ends_at: string
  capacity: number
  joined_count: number
  phase: SessionPhase
  phase_label: string
  /** Whether the room takes questions now (from 30 minutes before the start to the end). */
  questions_open: boolean
}

/** A question as the room shows it: the asker only by seat. */
export type QuestionView = {
  id: string
  asker: string
  text: string
  status: QuestionStatus
  status_label: string
  answer: string | null
  answered_at: string | null
  approved_at: string | null
  created_at: string
}

/** What the moderator sees besides: the decision and why. */
export type ModeratedQuestionView = QuestionView & {
  decided_by_type: ModeratorType | null
  decided_at: string | null
  reject_reason: string | null
}

/**
 * One entry of a room's live history, in order: a question made public, an answer given
 * (the moderators' feed also has questions asked and rejected). `id` is stable, so a stream
 * resumes after it (Last-Event-ID).
 */
export type RoomEvent = {
  id: string
  kind: "asked" | "approved" | "rejected" | "answered"
  at: string
  question: QuestionView | ModeratedQuestionView
}

export type QuestionDecision =
  | { action: "approve"; by_type: ModeratorType; by_id: string }
  | { action: "reject"; by_type: ModeratorType; by_id: string; reason: string | null }
