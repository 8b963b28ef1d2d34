export * from "./types"
export * from "./constitution-client"
export * from "./questionnaire-flow"
export * from "./report-view"
export * from "./radar-chart"
export * from "./trend"
export * from "./recommendations"
export * from "./review-revision"
// The codes, names and report sections are the contract's; pages import them from here too.
export {
  BALANCED_CONSTITUTION,
  CONSTITUTION_CODES,
  CONSTITUTION_NAMES,
  REVIEW_SECTION_KEYS,
  REVIEW_SECTION_LABELS,
  REVIEW_STATUS_LABELS,
  type ConstitutionCode,
  type ConstitutionVerdict,
  type ReviewSectionKey,
  type ReviewStatus,
} from "@health/contracts"
