import type { Sections } from "./constitution-labels"

export type AssessedMember = {
  id: string
  name: string
  email: string | null
  phone: string | null
}

export type AssessmentRow = {
  id: string
  created_at: string
  customer: AssessedMember
  sex: "female" | "male"
  primary: string
  verdicts: Record<string, string>
  review_status: "pending" | "draft" | "published"
}

/** One published version of a report, as the member read it then. */
export type ReviewVersion = {
  revision: number
  sections: Sections
  /** The 修订说明; null for the first publish. */
  reason: string | null
  expert_name: string | null
  published_at: string
}

export type StaffReview = {
  id: string
  status: "draft" | "published"
  sections: Sections
  expert_name: string | null
  updated_at: string
  published_at: string | null
  /** 0 for a draft, 1 once published, one more for each 修订. */
  revision: number
  revised_at: string | null
  /** Every published version, newest first. */
  versions?: ReviewVersion[]
}

export type AssessmentDetail = AssessmentRow & {
  item_version: string
  scores: Record<string, number>
  answers: Record<string, number>
  review: StaffReview | null
}
