import type { Sealed } from "../crypto/field-cipher"
import { findKitBarcodes } from "../kits/kit-barcode"
import { parseReportFindings } from "./parse-report-findings"
import { readReportPdf, UnreadablePdfError } from "./read-report-pdf"

/**
 * What a lab PDF says, read once from its plain bytes at upload, before they are sealed:
 * everything recording needs, so no worker ever decrypts the file again. The health data in
 * it (summary, findings) is already sealed as it will be stored; barcode, lab and date are
 * kept plain on the report anyway.
 */
export type ReportReading = {
  barcode: string
  lab: string | null
  /** YYYY-MM-DD as printed on the report, or null. */
  issued_on: string | null
  /** The report's summary ({ excerpt, pages }), sealed with the file's key. */
  summary: Sealed
  /** The parser's findings, each sealed on its own as lab_report_finding keeps them. */
  findings: Sealed[]
}

/** Why a file cannot become a report, as staff see it in the progress view. */
export type ReportRefusal = { code: string; message: string }

/**
 * Reads a report PDF: its text, then the one barcode it is for (the file name is what the
 * lab controls best; the text is the fallback). `seal` is the file store's, so the summary
 * opens with the key id kept beside the file.
 */
export async function readReportUpload(
  filename: string,
  bytes: Buffer,
  seal: (value: unknown) => Sealed
): Promise<{ reading: ReportReading } | { refusal: ReportRefusal }> {
  let parsed: Awaited<ReturnType<typeof readReportPdf>>
  try {
    parsed = await readReportPdf(bytes)
  } catch (error) {
    if (!(error instanceof UnreadablePdfError)) throw error
    return {
      refusal: {
        code: "unreadable",
        message: "PDF 无法解析（文件损坏或已加密），请向实验室索取原始文件",
      },
    }
  }
  const fromName = findKitBarcodes(filename)
  const candidates = fromName.length ? fromName : findKitBarcodes(parsed.text)
  if (!candidates.length) {
    return {
      refusal: {
        code: "no_barcode",
        message: "文件名和报告内容中都没有找到有效条码（GT + 10 位数字）",
      },
    }
  }
  if (candidates.length > 1) {
    return {
      refusal: {
        code: "no_barcode",
        message: `找到多个条码（${candidates.join("、")}），请把文件命名为对应条码后重新上传`,
      },
    }
  }
  return {
    reading: {
      barcode: candidates[0],
      lab: parsed.lab,
      issued_on: parsed.issued_on,
      summary: seal({ excerpt: parsed.excerpt, pages: parsed.pages }),
      findings: parseReportFindings(parsed.text).map((finding) => seal(finding)),
    },
  }
}
