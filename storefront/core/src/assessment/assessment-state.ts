import {
  ASSESSMENT_ITEM_LABELS,
  type Assessment,
  type AssessmentAccess,
  type AssessmentRead,
  type PublishAssessmentReportInput,
} from "./types"

export const ACCESS_LABELS: Record<AssessmentAccess, string> = {
  granted: "授权中",
  withdrawn: "已撤回授权",
  expired: "授权已到期",
}

/** The badge of an assessment in a list: where the report and the consent stand. */
export function assessmentStatusLabel(assessment: Pick<Assessment, "access" | "version">): string {
  if (assessment.version > 0) {
    return assessment.version > 1 ? `报告已出具（第 ${assessment.version} 版）` : "报告已出具"
  }
  return assessment.access === "granted" ? "专家评估中" : ACCESS_LABELS[assessment.access]
}

/**
 * What the expert opened, in one read of the member's list: a granted item, or a lab report's
 * structured findings (logged as `report_findings`, not an item type of its own).
 */
export function assessmentReadLabel(read: Pick<AssessmentRead, "item_type">): string {
  if (read.item_type === "report_findings") return "检测报告的结果解读"
  return ASSESSMENT_ITEM_LABELS[read.item_type] ?? "档案资料"
}

/** The `ends_at` a member picks as a number of days from now (1–90), as an ISO instant. */
export function grantEndsAt(days: number, now = new Date()): string {
  const whole = Math.min(90, Math.max(1, Math.round(days)))
  return new Date(now.getTime() + whole * 86_400_000).toISOString()
}

/** A draft the expert writes: sections as edited, empty ones dropped before publishing. */
export type ReportDraft = {
  title: string
  sections: { heading: string; body: string }[]
  recommendations: { kind: "product" | "article"; ref_id: string; title: string; reason: string }[]
  reason: string
}

/** Null when the draft can be published on `baseVersion`, else the Chinese reason. */
export function draftProblem(draft: ReportDraft, baseVersion: number): string | null {
  if (!draft.title.trim()) return "请填写报告标题"
  const sections = draft.sections.filter((s) => s.heading.trim() && s.body.trim())
  if (!sections.length) return "报告至少需要一节（标题和正文）"
  if (draft.recommendations.some((r) => !r.ref_id.trim() || !r.title.trim())) {
    return "每条推荐需要填写商品/文章标识和标题"
  }
  if (baseVersion > 0 && !draft.reason.trim()) return "修订报告需要填写修订说明"
  return null
}

/** The request body for a draft (trimmed, empty sections dropped). */
export function draftToInput(
  draft: ReportDraft,
  baseVersion: number
): PublishAssessmentReportInput {
  return {
    base_version: baseVersion,
    title: draft.title.trim(),
    sections: draft.sections
      .filter((s) => s.heading.trim() && s.body.trim())
      .map((s) => ({ heading: s.heading.trim(), body: s.body.trim() })),
    recommendations: draft.recommendations.map((r) => ({
      kind: r.kind,
      ref_id: r.ref_id.trim(),
      title: r.title.trim(),
      reason: r.reason.trim() || null,
    })),
    reason: baseVersion > 0 ? draft.reason.trim() : null,
  }
}
