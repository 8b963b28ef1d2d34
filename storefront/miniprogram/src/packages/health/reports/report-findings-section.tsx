import { Button, Text, View } from "@tarojs/components"
import { summarizeFindings, type ReportFindings } from "@health/core"
import { useEffect, useState } from "react"
import { healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"

/**
 * 结果解读 under a kit's report: the findings grouped by risk in plain Chinese, with the PDF
 * one tap away. Shows nothing until the lab or the parser has recorded findings.
 */
export function ReportFindingsSection(props: {
  token: string
  reportId: string
  onOpenPdf: () => void
}) {
  const { token, reportId, onOpenPdf } = props
  const [findings, setFindings] = useState<ReportFindings | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    healthArchive
      .reportWithFindings(token, reportId)
      .then((answer) => live && setFindings(answer.findings))
      .catch((failure) => live && setError(explainError(failure, "结果解读暂时无法加载")))
    return () => {
      live = false
    }
  }, [token, reportId])

  if (error) return <Text className="muted">{error}</Text>
  if (!findings) return null
  const summary = summarizeFindings(findings.findings)
  if (!summary.headline) return null
  return (
    <View className="report-findings" data-testid="report-findings">
      <Text className="section__title">结果解读</Text>
      <Text data-testid="report-findings-headline">{summary.headline}</Text>
      {summary.groups.map((group) => (
        <View key={group.key} data-testid={`finding-group-${group.key}`}>
          <Text className={group.key === "attention" ? "notice-text" : "section__title"}>
            {group.title}（{group.lines.length}）
          </Text>
          <Text className="muted">{group.hint}</Text>
          {group.lines.map((line, index) => (
            <Text key={`${line.title}-${index}`} className="finding-line">
              {line.title}：{line.sentence}
            </Text>
          ))}
        </View>
      ))}
      <Text className="muted">以上为报告要点，完整内容以报告原件为准；结果不等于诊断。</Text>
      <Button size="mini" data-testid="report-findings-pdf" onClick={onOpenPdf}>
        查看报告原件（PDF）
      </Button>
    </View>
  )
}
