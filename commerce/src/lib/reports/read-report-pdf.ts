import { extractText, getDocumentProxy } from "unpdf"

export type ReportText = {
  pages: number
  text: string
  /** The opening lines shown to the member beside the PDF. */
  excerpt: string
  lab: string | null
  /** YYYY-MM-DD as printed on the report, or null. */
  issued_on: string | null
}

const EXCERPT_CHARS = 600

/** Lab names as they appear on reports, and how we show them. */
const KNOWN_LABS: [RegExp, string][] = [
  [/达安|DAAN/i, "达安基因"],
  [/华大|BGI/i, "华大基因"],
  [/金域|KingMed/i, "金域医学"],
]

export class UnreadablePdfError extends Error {}

export async function readReportPdf(bytes: Buffer): Promise<ReportText> {
  let pages: number
  let text: string
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes))
    const result = await extractText(pdf, { mergePages: true })
    pages = result.totalPages
    text = result.text
    // Frees the parsed document; a batch parses hundreds in one process.
    await pdf.loadingTask.destroy()
  } catch (error) {
    throw new UnreadablePdfError((error as Error).message)
  }
  return {
    pages,
    text,
    excerpt: text
      .replace(/[ \t]+/g, " ")
      .trim()
      .slice(0, EXCERPT_CHARS),
    lab: findLab(text),
    issued_on: findIssueDate(text),
  }
}

function findLab(text: string): string | null {
  for (const [pattern, name] of KNOWN_LABS) if (pattern.test(text)) return name
  const labeled = text.match(/(?:检测机构|检测实验室|Lab(?:oratory)?)\s*[:：]\s*([^\n]{2,40})/i)
  return labeled ? labeled[1].trim() : null
}

function findIssueDate(text: string): string | null {
  const match = text.match(
    /(?:报告日期|出具日期|签发日期|Report date|Issued(?: on)?)\s*[:：]?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/i
  )
  if (!match) return null
  const [, year, month, day] = match
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`
}
