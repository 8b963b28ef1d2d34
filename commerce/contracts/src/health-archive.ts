import type { TestMethod } from "./checkout-metadata.js"
import type { KitStatus } from "./kit-status.js"

/** Health archive (健康档案) shapes, as commerce's /store/health-archive routes answer them. */

export type PersonRelation = "self" | "spouse" | "parent" | "child" | "other"
export type PersonSex = "female" | "male"

/** Commerce sends it as `relation_label`; the activation forms list these choices. */
export const RELATION_LABELS: Record<PersonRelation, string> = {
  self: "本人",
  spouse: "配偶",
  parent: "父母",
  child: "子女",
  other: "其他亲友",
}

/** What a member consents to when a kit is activated. */
export type ConsentKind = "testing" | "storage" | "research"

/** Commerce sends it as `kind_label`; the activation forms name each consent so. */
export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  testing: "基因检测知情同意",
  storage: "样本保存知情同意",
  research: "科研使用知情同意",
}

export type Consent = {
  id: string
  kit_id: string | null
  kind: ConsentKind
  kind_label: string
  version: string
  signed_at: string
  withdrawn_at: string | null
}

/** Someone the member has had tested (themself or a relative). */
export type TestedPerson = {
  id: string
  relation: PersonRelation
  relation_label: string
  name: string
  sex: PersonSex
  /** YYYY-MM-DD */
  birth_date: string
  /** 4301**********1234 for a person saved with an ID number (就诊人), else null. */
  id_number_masked: string | null
  /** When 实名认证 matched the name and ID number; null when not (yet) verified. */
  verified_at: string | null
}

export type KitTimelineEntry = { status: KitStatus; label: string; at: string; note: string | null }

/** One test kit of an order: its barcode, where it is, whose sample, and its report. */
export type Kit = {
  id: string
  barcode: string | null
  status: KitStatus
  status_label: string
  product_title: string
  variant_title: string | null
  order_id: string
  order_display_id: number | null
  collection_method: TestMethod
  person: TestedPerson | null
  tracking: { carrier: string | null; number: string | null } | null
  report: {
    id: string
    lab: string | null
    issued_at: string | null
    viewed_at: string | null
  } | null
  /** Oldest first. */
  timeline: KitTimelineEntry[]
  activated_at: string | null
  created_at: string
}

/** A file the member added to their archive (a photo or PDF of an earlier test). */
export type ArchiveUpload = {
  id: string
  kind: "image" | "pdf"
  filename: string
  mime_type: string
  /** Bytes. */
  size: number
  note: string | null
  created_at: string
}

/** A lab report of one of the member's kits. */
export type KitReport = {
  id: string
  kit_id: string
  barcode: string | null
  product_title: string
  lab: string | null
  issued_at: string | null
  summary: { excerpt: string; pages: number }
  /** Bytes of the PDF. */
  size: number
  viewed_at: string | null
  created_at: string
}

/**
 * How a report rates one finding. Gene reports rate risk (低/中/高风险); other tests rate a
 * measured value (正常/关注/异常).
 */
export const REPORT_FINDING_RISKS = [
  "low",
  "medium",
  "high",
  "normal",
  "attention",
  "abnormal",
] as const
export type ReportFindingRisk = (typeof REPORT_FINDING_RISKS)[number]

export const REPORT_FINDING_RISK_LABELS: Record<ReportFindingRisk, string> = {
  low: "低风险",
  medium: "中风险",
  high: "高风险",
  normal: "正常",
  attention: "关注",
  abnormal: "异常",
}

/** One structured finding of a lab report: what was tested and how it came out. */
export type ReportFinding = {
  /** 检测项目, e.g. 叶酸代谢能力 or a variant such as c.68_69del. */
  item: string
  /** The gene tested, when there is one (BRCA1, MTHFR). */
  gene: string | null
  /** Genotype or measured value as printed (TT, 未检出, 5.2 mmol/L). */
  result: string
  risk: ReportFindingRisk
  /** Reference text (参考范围 or what a normal result is). */
  reference: string | null
}

/** A report's findings as its owner reads them; `source` says who recorded them. */
export type ReportFindings = {
  findings: (ReportFinding & { risk_label: string })[]
  source: "parser" | "staff" | null
  recorded_at: string | null
}
