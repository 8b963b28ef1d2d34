/** One titled part of a 检测评估报告 (for example 检测结果解读, 生活方式建议). */
export type ReportSection = { heading: string; body: string }

/** A product or CMS article the expert recommends, with why. */
export type Recommendation = {
  kind: "product" | "article"
  /** A product's handle, or an article's slug (what the storefront links by). */
  ref_id: string
  title: string
  reason: string | null
}

/** What one published version says; `reason` (修订说明) is null on version 1. */
export type ReportContent = {
  title: string
  sections: ReportSection[]
  recommendations: Recommendation[]
  reason: string | null
}

/** Where a recommendation opens in the storefront. */
export function recommendationLink(item: Pick<Recommendation, "kind" | "ref_id">): string {
  const id = encodeURIComponent(item.ref_id)
  return item.kind === "product" ? `/products/${id}` : `/articles/${id}`
}

/**
 * Null when the content can be published as version `version`, else the Chinese reason: a
 * revision must say what changed, so the member can tell versions apart.
 */
export function contentProblem(content: ReportContent, version: number): string | null {
  if (!content.sections.some((section) => section.body.trim())) return "报告至少需要一节正文"
  if (version > 1 && !content.reason?.trim()) return "修订报告需要填写修订说明"
  return null
}

export const ITEM_TYPE_LABELS = {
  report: "检测报告",
  upload: "医院资料",
  constitution: "体质辨识结果",
  escort_report: "陪诊服务报告",
} as const

export type ItemType = keyof typeof ITEM_TYPE_LABELS
