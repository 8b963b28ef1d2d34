import { act, fireEvent, render, screen, waitFor } from "@testing-library/react"
import Reports from "../src/packages/health/reports/index"
import { ReportFindingsSection } from "../src/packages/health/reports/report-findings-section"
import { session } from "../src/lib/session"
import { calls, fakeBackend, refuse } from "./support/fake-backend"
import { stand } from "./support/taro-stand-in"

beforeEach(() => stand.reset())

const findings = {
  source: "parser",
  recorded_at: "2026-12-01T02:00:00.000Z",
  findings: [
    {
      item: "c.68_69del",
      gene: "BRCA1",
      result: "未检出",
      risk: "low",
      reference: "未检出",
      risk_label: "低风险",
    },
    {
      item: "C677T",
      gene: "MTHFR",
      result: "检出（TT）",
      risk: "high",
      reference: "未检出",
      risk_label: "高风险",
    },
  ],
}

describe("mini-program report findings", () => {
  it("shows the findings grouped by risk, flagged first, and opens the PDF on a tap", async () => {
    fakeBackend({
      "GET /store/health-archive/reports/rep_1": { report: { id: "rep_1" }, findings },
    })
    const opened: string[] = []
    render(
      <ReportFindingsSection token="tok" reportId="rep_1" onOpenPdf={() => opened.push("pdf")} />
    )
    expect((await screen.findByTestId("report-findings-headline")).textContent).toBe(
      "共 2 项结果：1 项需要重视，1 项未见异常"
    )
    expect(screen.getByTestId("finding-group-attention").textContent).toContain(
      "MTHFR · C677T：结果为 检出（TT），评估为高风险（参考：未检出）。"
    )
    expect(screen.getByTestId("finding-group-fine").textContent).toContain("BRCA1 · c.68_69del")
    fireEvent.click(screen.getByTestId("report-findings-pdf"))
    expect(opened).toEqual(["pdf"])
    expect(calls()).toEqual(["GET /store/health-archive/reports/rep_1"])
  })

  it("says so in Chinese when the summary cannot be loaded, and nothing when there are no findings", async () => {
    fakeBackend({ "GET /store/health-archive/reports/rep_2": refuse(404, "没有找到这份报告") })
    render(<ReportFindingsSection token="tok" reportId="rep_2" onOpenPdf={() => undefined} />)
    expect(await screen.findByText("没有找到这份报告")).toBeTruthy()

    fakeBackend({
      "GET /store/health-archive/reports/rep_3": {
        report: { id: "rep_3" },
        findings: { findings: [], source: null, recorded_at: null },
      },
    })
    const { container } = render(
      <ReportFindingsSection token="tok" reportId="rep_3" onOpenPdf={() => undefined} />
    )
    await waitFor(() => expect(calls()).toContain("GET /store/health-archive/reports/rep_3"))
    await act(async () => undefined)
    expect(container.innerHTML).toBe("")
  })

  it("puts the summary under each kit's report on the report page", async () => {
    session.setToken("tok_1")
    fakeBackend({
      "GET /store/health-archive/kits": {
        count: 1,
        kits: [
          {
            id: "kit_1",
            product_title: "肿瘤易感基因检测",
            status: "report_ready",
            status_label: "报告已出",
            barcode: "GT1234567897",
            person: null,
            timeline: [],
            report: { id: "rep_1", lab: "达安基因", issued_at: null, viewed_at: null },
          },
        ],
      },
      "GET /store/health-archive/reports/rep_1": { report: { id: "rep_1" }, findings },
    })
    render(<Reports />)
    expect((await screen.findByTestId("report-findings-headline")).textContent).toBe(
      "共 2 项结果：1 项需要重视，1 项未见异常"
    )
    expect(screen.getByText("查看报告")).toBeTruthy()
  })
})
