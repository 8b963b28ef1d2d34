/** 在线咨询 (group sessions) as commerce answers them; times are ISO instants. */

export type GroupSessionPhase = "upcoming" | "live" | "ended"
export type GroupQuestionStatus = "pending" | "approved" | "rejected"

export type GroupSession = {
  id: string
  title: string
  topic: string
  starts_at: string
  ends_at: string
  capacity: number
  joined_count: number
  phase: GroupSessionPhase
  phase_label: string
  /** Whether the room takes questions now (from 30 minutes before the start to the end). */
  questions_open: boolean
  joined: boolean
  expert: {
    id: string
    name: string
    title: string | null
    hospital: string | null
    photo_url: string | null
  } | null
}

/** A question as the room shows it: the asker only by seat (「3 号会员」). */
export type GroupQuestion = {
  id: string
  asker: string
  text: string
  status: GroupQuestionStatus
  status_label: string
  answer: string | null
  answered_at: string | null
  approved_at: string | null
  created_at: string
}

/** What the asker and the moderators see besides. */
export type ModeratedGroupQuestion = GroupQuestion & {
  decided_by_type: "doctor" | "staff" | null
  decided_at: string | null
  reject_reason: string | null
}

export type GroupSessionRoom = {
  group_session: GroupSession
  /** The room: public questions and their answers, in order (joined members only). */
  questions: GroupQuestion[]
  /** The member's own questions, wherever each stands. */
  my_questions: ModeratedGroupQuestion[]
}

export type GroupSessionConsole = {
  group_session: GroupSession
  questions: ModeratedGroupQuestion[]
}

export type ScheduleGroupSessionInput = {
  title: string
  topic?: string
  /** ISO with offset, or a wall time in Asia/Shanghai ("2026-12-20T19:30", a datetime-local). */
  starts_at: string
  ends_at: string
  capacity: number
}
