/**
 * 中医体质辨识 (ZYYXH/T157-2009): the nine type codes commerce scores with (the CMS's
 * constitution tags use them as slugs), their names, and the words around an expert's
 * 养生评估报告. The questionnaire itself is ../ccmq.json.
 */
export const CONSTITUTION_CODES = [
  "pinghe",
  "qixu",
  "yangxu",
  "yinxu",
  "tanshi",
  "shire",
  "xueyu",
  "qiyu",
  "tebing",
] as const

export type ConstitutionCode = (typeof CONSTITUTION_CODES)[number]

/** 平和质, the balanced type; every other type is 偏颇. */
export const BALANCED_CONSTITUTION: ConstitutionCode = "pinghe"

export const CONSTITUTION_NAMES: Record<ConstitutionCode, string> = {
  pinghe: "平和质",
  qixu: "气虚质",
  yangxu: "阳虚质",
  yinxu: "阴虚质",
  tanshi: "痰湿质",
  shire: "湿热质",
  xueyu: "血瘀质",
  qiyu: "气郁质",
  tebing: "特禀质",
}

/** 平和质 is 是/基本是/否; every other (偏颇) type 是/倾向是/否. */
export type ConstitutionVerdict = "是" | "基本是" | "倾向是" | "否"

/** Where an assessment stands for the experts: nobody wrote yet, a draft, or published. */
export type ReviewStatus = "pending" | "draft" | "published"

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: "待评估",
  draft: "草稿",
  published: "已发布",
}

/** The parts of a 养生评估报告, in the order they are written and read. */
export const REVIEW_SECTION_KEYS = ["summary", "diet", "exercise", "emotion", "daily"] as const

export type ReviewSectionKey = (typeof REVIEW_SECTION_KEYS)[number]

export const REVIEW_SECTION_LABELS: Record<ReviewSectionKey, string> = {
  summary: "总体评估",
  diet: "饮食调养",
  exercise: "运动锻炼",
  emotion: "情志调摄",
  daily: "起居调护",
}

// What commerce's constitution routes answer (store and admin).

export type Sex = "female" | "male"

/** Item code (q01 … q60) → 1 (没有) … 5 (总是). */
export type ConstitutionAnswers = Record<string, number>

export type ConstitutionScores = Record<ConstitutionCode, number>
export type ConstitutionVerdicts = Record<ConstitutionCode, ConstitutionVerdict>

/** What POST /store/constitution/assessments answers; `id` only when it was saved for a member. */
export type ConstitutionResult = {
  id?: string
  created_at?: string
  /** The question bank version it was scored with (see Questionnaire). */
  questionnaire_version: number
  /** That version's label (results from before versions kept the text the client sent). */
  item_version: string
  scores: ConstitutionScores
  verdicts: ConstitutionVerdicts
  primary: ConstitutionCode
  saved: boolean
}

/** The parts of a 养生评估报告; an expert may leave any but the summary empty. */
export type ReviewSections = Record<ReviewSectionKey, string>

/** One earlier published version of a report, as the member read it then. */
export type ReviewVersion = {
  /** 1 for the first publish, then one more for each 修订. */
  revision: number
  sections: ReviewSections
  expert_name: string | null
  /** The 修订说明; null for the first publish. */
  reason: string | null
  published_at: string
}

/**
 * An expert's report as the member sees it (only once published). A 修订 publishes a new
 * version; the ones the member read before stay listed in `versions`, newest first.
 */
export type PublishedReview = {
  id: string
  assessment_id: string
  sections: ReviewSections
  expert_name: string | null
  /** When it was first published. */
  published_at: string
  revision: number
  revised_at: string | null
  revision_reason: string | null
  versions: ReviewVersion[]
}

/** One saved result in a member's history, with the expert's report when there is one. */
export type SavedAssessment = {
  id: string
  created_at: string
  questionnaire_version: number
  item_version: string
  sex: Sex
  scores: ConstitutionScores
  verdicts: ConstitutionVerdicts
  primary: ConstitutionCode
  review: PublishedReview | null
}

export type AssessmentHistory = {
  assessments: SavedAssessment[]
  count: number
  limit: number
  offset: number
}

/** The member an assessment belongs to, as staff see them. */
export type AssessedMember = {
  id: string
  name: string
  email: string | null
  phone: string | null
}

export type StaffReview = {
  id: string
  status: Exclude<ReviewStatus, "pending">
  sections: ReviewSections
  expert_name: string | null
  updated_at: string
  published_at: string | null
  /** 0 for a draft, 1 once published, then one more for each 修订. */
  revision: number
  revised_at: string | null
  /** Every published version, newest first (when one result is opened or revised). */
  versions?: ReviewVersion[]
}

/** A row of the experts' list. */
export type StaffAssessmentRow = {
  id: string
  created_at: string
  customer: AssessedMember
  sex: Sex
  primary: ConstitutionCode
  verdicts: ConstitutionVerdicts
  review_status: ReviewStatus
}

/** One assessment opened by an expert: the answers too, and the report so far. */
export type StaffAssessment = StaffAssessmentRow & {
  questionnaire_version: number
  item_version: string
  /** The questions as worded in the version answered, so each answer reads with its question. */
  questions: { code: string; text: string }[]
  scores: ConstitutionScores
  answers: ConstitutionAnswers
  review: StaffReview | null
}
