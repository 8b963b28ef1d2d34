import type { ReportFinding, ReportFindingRisk, ReportFindings } from "@health/contracts"

export type FindingGroupKey = "attention" | "watch" | "fine"

/** Where each rating lands: what to act on first, what to keep an eye on, what is fine. */
const GROUP_OF: Record<ReportFindingRisk, FindingGroupKey> = {
  high: "attention",
  abnormal: "attention",
  medium: "watch",
  attention: "watch",
  low: "fine",
  normal: "fine",
}

const GROUPS: { key: FindingGroupKey; title: string; hint: string }[] = [
  {
    key: "attention",
    title: "需要重视",
    hint: "建议尽快咨询医生或遗传咨询师，结合家族史与体检结果判断。",
  },
  { key: "watch", title: "建议关注", hint: "生活方式上多留意，定期复查。" },
  { key: "fine", title: "未见异常", hint: "本项检测未发现需要担心的结果。" },
]

export type FindingLine = {
  /** 基因 · 项目, or the item alone. */
  title: string
  /** One plain sentence: the result, its rating and the reference. */
  sentence: string
  risk_label: string
}

export type FindingsSummary = {
  /** 共 N 项结果：… in one line, or null when the report has no structured findings yet. */
  headline: string | null
  groups: { key: FindingGroupKey; title: string; hint: string; lines: FindingLine[] }[]
}

function lineOf(finding: ReportFinding & { risk_label: string }): FindingLine {
  const title = finding.gene ? `${finding.gene} · ${finding.item}` : finding.item
  const reference = finding.reference ? `（参考：${finding.reference}）` : ""
  return {
    title,
    sentence: `结果为 ${finding.result}，评估为${finding.risk_label}${reference}。`,
    risk_label: finding.risk_label,
  }
}

/**
 * A report's findings as a member reads them: grouped by how much they matter, in plain
 * Chinese, most important first; empty groups are left out.
 */
export function summarizeFindings(findings: ReportFindings["findings"]): FindingsSummary {
  const groups = GROUPS.map((group) => ({
    ...group,
    lines: findings.filter((f) => GROUP_OF[f.risk] === group.key).map(lineOf),
  })).filter((group) => group.lines.length > 0)
  if (!findings.length) return { headline: null, groups: [] }
  const counts = groups.map((group) => `${group.lines.length} 项${group.title}`)
  return { headline: `共 ${findings.length} 项结果：${counts.join("，")}`, groups }
}
