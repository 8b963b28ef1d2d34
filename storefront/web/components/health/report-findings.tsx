import { summarizeFindings, type ReportFindings } from "@health/core"

/**
 * 结果解读: the report's structured findings grouped by how much they matter, in plain
 * Chinese, above the PDF (which stays one tap away). Nothing shows until the lab or the
 * parser has recorded findings.
 */
export function ReportFindingsSummary({
  findings,
  pdfHref,
}: {
  findings: ReportFindings
  pdfHref: string
}) {
  const summary = summarizeFindings(findings.findings)
  if (!summary.headline) return null
  return (
    <section className="panel report-findings" data-testid="report-findings">
      <h2>结果解读</h2>
      <p data-testid="report-findings-headline">{summary.headline}</p>
      {summary.groups.map((group) => (
        <div
          key={group.key}
          className={`finding-group finding-group--${group.key}`}
          data-testid={`finding-group-${group.key}`}
        >
          <h3>
            {group.title}（{group.lines.length}）
          </h3>
          <p className="hint">{group.hint}</p>
          <ul>
            {group.lines.map((line, index) => (
              <li key={`${line.title}-${index}`}>
                <strong>{line.title}</strong>：{line.sentence}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p className="hint">
        以上为报告要点，完整内容以
        <a href={pdfHref} target="_blank" rel="noopener" data-testid="report-findings-pdf">
          报告原件（PDF）
        </a>
        为准；结果不等于诊断，如有疑问请咨询医生。
      </p>
    </section>
  )
}
