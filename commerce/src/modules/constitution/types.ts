import type { Questionnaire, ReviewSections, ReviewStatus } from "@health/contracts"

export type ConstitutionAssessmentPayload = {
  sex: "female" | "male"
  answers: Record<string, number>
  scores: Record<string, number>
  verdicts: Record<string, string>
  primary: string
}

export type ConstitutionAssessmentView = ConstitutionAssessmentPayload & {
  id: string
  customer_id: string
  item_version: string
  /** The question bank version it was scored with. */
  questionnaire_version: number
  created_at: Date
}

// The report's sections and statuses are the ones the admin and the storefronts read.
export type { ReviewSections, ReviewStatus }

export type ConstitutionReviewView = {
  id: string
  assessment_id: string
  customer_id: string
  status: "draft" | "published"
  sections: ReviewSections
  expert_name: string | null
  author_id: string
  updated_at: string
  /** When the member first saw it. */
  published_at: string | null
  /** The published version this text is: 1 when first published, +1 for each 修订; 0 for a draft. */
  revision: number
  revised_at: string | null
}

/** One published version of a report, as it was when the member read it. */
export type ReviewVersionView = {
  revision: number
  sections: ReviewSections
  /** The 修订说明; null for the first publish. */
  reason: string | null
  expert_name: string | null
  author_id: string
  published_at: string
}

/** A result as experts list it, with where its report stands. */
export type StaffAssessmentRow = ConstitutionAssessmentView & { review_status: ReviewStatus }

/** A version of the question bank as commerce keeps it (the store route's shape). */
export type QuestionnaireVersionView = Questionnaire

/** What one sync with the CMS did, by version number. */
export type QuestionnaireSyncOutcome = {
  added: number[]
  unchanged: number[]
  /** Stored already with other items: kept as stored (a published version never changes). */
  conflicts: number[]
  invalid: { version: number; problems: string[] }[]
}
