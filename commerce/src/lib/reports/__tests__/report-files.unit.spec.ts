import JSZip from "jszip"
import { makeReportPdf } from "../../../../integration-tests/helpers/report-pdf"
import { expandReportUpload, ReportUploadError } from "../expand-report-upload"
import { readReportPdf, UnreadablePdfError } from "../read-report-pdf"

jest.setTimeout(30_000)

describe("report files", () => {
  it("reads a lab PDF's pages, lab, date and barcode text", async () => {
    const pdf = await makeReportPdf({ barcode: "GT1234567897", pages: 3, date: "2026-11-28" })
    const read = await readReportPdf(pdf)
    expect(read.pages).toBe(3)
    expect(read.text).toContain("GT1234567897")
    expect(read.lab).toBe("达安基因")
    expect(read.issued_on).toBe("2026-11-28")
    expect(read.excerpt.length).toBeLessThanOrEqual(600)
  })

  it("names other labs as printed, and refuses a broken PDF", async () => {
    const other = await readReportPdf(await makeReportPdf({ lab: "Hunan Precision Lab" }))
    expect(other.lab).toBe("Hunan Precision Lab")
    await expect(readReportPdf(Buffer.from("%PDF-1.7 broken"))).rejects.toBeInstanceOf(
      UnreadablePdfError
    )
  })

  it("opens zips (folders flattened, macOS litter skipped) and passes PDFs through", async () => {
    const pdf = await makeReportPdf({ barcode: "GT1234567897" })
    const zip = new JSZip()
    zip.file("day1/GT1234567897.pdf", pdf)
    zip.file("__MACOSX/day1/._GT1234567897.pdf", "junk")
    zip.file(".DS_Store", "junk")
    zip.file("readme.txt", "not a report")
    const entries = await expandReportUpload([
      { filename: "batch.zip", bytes: await zip.generateAsync({ type: "nodebuffer" }) },
      { filename: "single.pdf", bytes: pdf },
    ])
    expect(entries.map((entry) => entry.filename)).toEqual([
      "GT1234567897.pdf",
      "readme.txt",
      "single.pdf",
    ])
    expect(entries[0].bytes.equals(pdf)).toBe(true)
  })

  it("refuses a zip that will not open with a message naming it", async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)])
    await expect(expandReportUpload([{ filename: "坏包.zip", bytes: broken }])).rejects.toThrow(
      new ReportUploadError("压缩包“坏包.zip”无法打开，请重新打包后上传")
    )
  })
})
