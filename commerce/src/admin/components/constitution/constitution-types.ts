// The staff side of commerce's constitution routes, as @health/contracts declares them.
import type { StaffAssessment, StaffAssessmentRow } from "@health/contracts"

export type { AssessedMember, ReviewVersion, StaffReview } from "@health/contracts"

/** A row of the experts' list. */
export type AssessmentRow = StaffAssessmentRow

/** One assessment opened by an expert: the answers too, and the report so far. */
export type AssessmentDetail = StaffAssessment
