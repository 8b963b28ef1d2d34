/** What a member can grant an expert for a 检测评估. */
export type AssessmentItemType = "report" | "upload" | "constitution" | "escort_report"

export const ASSESSMENT_ITEM_LABELS: Record<AssessmentItemType, string> = {
  report: "检测报告",
  upload: "医院资料",
  constitution: "体质辨识结果",
  escort_report: "陪诊服务报告",
}

/** granted: the expert may read; withdrawn by the member; expired at `ends_at`. */
export type AssessmentAccess = "granted" | "withdrawn" | "expired"

export type Assessment = {
  id: string
  doctor_id: string
  /** The member's question; null in the expert's list once the consent no longer stands. */
  question: string | null
  consent_at: string
  consent_withdrawn_at: string | null
  ends_at: string
  access: AssessmentAccess
  /** The newest published version, 0 before the first. */
  version: number
  created_at: string
  doctor_name?: string
}

export type AssessmentItem = {
  id: string
  item_type: AssessmentItemType
  item_id: string
  label: string
  withdrawn_at: string | null
  /** Where the expert opens it (null on the member's side). */
  url: string | null
  /** Where the expert reads a lab report's structured findings (expert's side, reports only). */
  findings_url?: string | null
}

export type AssessmentReportSection = { heading: string; body: string }

export type AssessmentRecommendation = {
  kind: "product" | "article"
  /** A product's handle or an article's slug. */
  ref_id: string
  title: string
  reason: string | null
}

export type AssessmentReportVersion = {
  version: number
  title: string
  sections: AssessmentReportSection[]
  recommendations: AssessmentRecommendation[]
  /** 修订说明; null on version 1. */
  reason: string | null
  expert_name: string
  published_at: string
  /** The member's PDF download (member side only). */
  pdf_url?: string
}

/** One time the expert opened an item, from the member's archive access log. */
export type AssessmentRead = {
  at: string
  /** The item's type, or `report_findings` when the expert opened a lab report's findings. */
  item_type: AssessmentItemType | "report_findings"
  item_id: string
  reader: string
}

export type MemberAssessmentDetail = {
  assessment: Assessment
  doctor: { id: string; name: string; title: string | null; hospital: string | null }
  items: AssessmentItem[]
  versions: AssessmentReportVersion[]
  reads: AssessmentRead[]
}

export type ExpertAssessmentDetail = {
  assessment: Assessment
  items: AssessmentItem[]
  versions: AssessmentReportVersion[]
}

export type GrantAssessmentInput = {
  doctor_id: string
  question: string
  /** ISO instant, in the future and at most 90 days away. */
  ends_at: string
  consent: true
  items: { item_type: AssessmentItemType; item_id: string }[]
}

export type PublishAssessmentReportInput = {
  /** The version the expert revised; 0 for the first report. */
  base_version: number
  title: string
  sections: AssessmentReportSection[]
  recommendations?: AssessmentRecommendation[]
  /** 修订说明, required from version 2 on. */
  reason?: string | null
}
