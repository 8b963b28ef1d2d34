export * from "./constitution-client"
export * from "./questionnaire-flow"
export * from "./report-view"
export * from "./radar-chart"
export * from "./trend"
export * from "./recommendations"
export * from "./review-revision"
// The codes, names, labels and answer shapes are the contract's; pages import them from here too.
export {
  BALANCED_CONSTITUTION,
  CONSTITUTION_CODES,
  CONSTITUTION_NAMES,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTION_LABELS,
  REVIEW_STATUS_LABELS,
  type AssessedMember,
  type AssessmentHistory,
  type ConstitutionAnswers,
  type ConstitutionCode,
  type ConstitutionResult,
  type ConstitutionScores,
  type ConstitutionVerdict,
  type ConstitutionVerdicts,
  type PublishedReview,
  type Questionnaire,
  type ReviewSectionKey,
  type ReviewSections,
  type ReviewStatus,
  type ReviewVersion,
  type SavedAssessment,
  type Sex,
  type StaffAssessment,
  type StaffAssessmentRow,
  type StaffReview,
} from "@health/contracts"
