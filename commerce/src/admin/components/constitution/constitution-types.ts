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

export type StaffReview = {
  id: string
  status: "draft" | "published"
  sections: Sections
  expert_name: string | null
  updated_at: string
  published_at: string | null
}

export type AssessmentDetail = AssessmentRow & {
  item_version: string
  scores: Record<string, number>
  answers: Record<string, number>
  review: StaffReview | null
}
