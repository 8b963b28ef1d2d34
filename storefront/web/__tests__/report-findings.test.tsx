import { render, screen } from "@testing-library/react"
import { ReportFindingsSummary } from "@/components/health/report-findings"

const findings = {
  source: "staff" as const,
  recorded_at: "2026-12-01T02:00:00.000Z",
  findings: [
    {
      item: "c.68_69del",
      gene: "BRCA1",
      result: "未检出",
      risk: "low" as const,
      reference: "未检出",
      risk_label: "低风险",
    },
    {
      item: "C677T",
      gene: "MTHFR",
      result: "检出（TT）",
      risk: "high" as const,
      reference: "未检出",
      risk_label: "高风险",
    },
  ],
}

describe("report findings summary", () => {
  it("shows the findings grouped by risk, the flagged one first, with the PDF one tap away", () => {
    render(
      <ReportFindingsSummary findings={findings} pdfHref="/api/health-archive/reports/rep_1/file" />
    )
    expect(screen.getByTestId("report-findings-headline").textContent).toBe(
      "共 2 项结果：1 项需要重视，1 项未见异常"
    )
    const groups = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)
    expect(groups).toEqual(["需要重视（1）", "未见异常（1）"])
    expect(screen.getByTestId("finding-group-attention").textContent).toContain(
      "MTHFR · C677T：结果为 检出（TT），评估为高风险（参考：未检出）。"
    )
    expect(screen.getByTestId("report-findings-pdf").getAttribute("href")).toBe(
      "/api/health-archive/reports/rep_1/file"
    )
  })

  it("shows nothing before any finding is recorded", () => {
    const { container } = render(
      <ReportFindingsSummary
        findings={{ findings: [], source: null, recorded_at: null }}
        pdfHref="/x"
      />
    )
    expect(container.innerHTML).toBe("")
  })
})
