import { makeReportPdf } from "../../../../integration-tests/helpers/report-pdf"
import { parseReportFindings } from "../parse-report-findings"
import { readReportPdf } from "../read-report-pdf"

jest.setTimeout(30_000)

describe("parseReportFindings", () => {
  it("reads the demo lab's variant lines from a real PDF, once each though every page repeats them", async () => {
    const pdf = await makeReportPdf({
      barcode: "GT1234567897",
      pages: 3,
      extraLines: ["MTHFR C677T: detected (TT)"],
    })
    const { text } = await readReportPdf(pdf)
    expect(parseReportFindings(text)).toEqual([
      { item: "c.68_69del", gene: "BRCA1", result: "未检出", risk: "low", reference: "未检出" },
      { item: "c.5946del", gene: "BRCA2", result: "未检出", risk: "low", reference: "未检出" },
      { item: "C677T", gene: "MTHFR", result: "检出（TT）", risk: "high", reference: "未检出" },
    ])
  })

  it("finds nothing in a layout it does not know, rather than guessing", () => {
    expect(
      parseReportFindings(
        "Genetic Test Report\nReport date: 2026-11-28\nSample barcode: GT1234567897\n结论：详见附页"
      )
    ).toEqual([])
  })
})
