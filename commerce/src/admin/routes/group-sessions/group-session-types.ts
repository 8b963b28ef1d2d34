/** A session as /admin/group-sessions answers it (times are ISO instants). */
export type AdminGroupSession = {
  id: string
  title: string
  topic: string
  starts_at: string
  ends_at: string
  capacity: number
  joined_count: number
  phase: "upcoming" | "live" | "ended"
  phase_label: string
  questions_open: boolean
  expert: { id: string; name: string; title: string | null; hospital: string | null } | null
}

/** A question with its moderation, as staff see it (the asker only by seat). */
export type AdminGroupQuestion = {
  id: string
  asker: string
  text: string
  status: "pending" | "approved" | "rejected"
  status_label: string
  answer: string | null
  answered_at: string | null
  approved_at: string | null
  created_at: string
  decided_by_type: "doctor" | "staff" | null
  decided_at: string | null
  reject_reason: string | null
}

export type AdminGroupSessionDetail = {
  group_session: AdminGroupSession
  questions: AdminGroupQuestion[]
}
