import type { ReportFinding } from "../../modules/health-archive/types"

/**
 * Findings read from a report's text, for the layouts we know; [] for any other layout
 * (staff then enter them in the lab page).
 *
 * The demo lab (达安基因) prints one line per variant screened:
 *   `BRCA1 c.68_69del: not detected` or `MTHFR C677T: detected (TT)`
 * and repeats the list on every page, so a variant is kept once.
 */
const DEMO_LAB_LINE =
  /^([A-Z][A-Z0-9-]{1,11})\s+([^\s:：]{2,40})\s*[:：]\s*(not detected|detected)(?:\s*\(([^)]{1,20})\))?\s*$/i

export function parseReportFindings(text: string): ReportFinding[] {
  const findings = new Map<string, ReportFinding>()
  for (const line of text.split(/\r?\n/)) {
    const match = line.trim().match(DEMO_LAB_LINE)
    if (!match) continue
    const [, gene, variant, outcome, genotype] = match
    const key = `${gene.toUpperCase()} ${variant}`
    if (findings.has(key)) continue
    const detected = outcome.toLowerCase() === "detected"
    findings.set(key, {
      item: variant,
      gene: gene.toUpperCase(),
      result: detected ? (genotype ? `检出（${genotype.trim()}）` : "检出") : "未检出",
      // A screened variant found is what the report warns of; not found is the good news.
      risk: detected ? "high" : "low",
      reference: "未检出",
    })
  }
  return [...findings.values()]
}
