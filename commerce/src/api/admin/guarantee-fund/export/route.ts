import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_CASE_MODULE } from "../../../../modules/escort-case"
import type EscortCaseModuleService from "../../../../modules/escort-case/service"

const KIND_LABELS = {
  fund_in: "平台注资",
  compensation_paid: "先行赔付",
  recovery_from_escort: "向陪诊员追偿",
  recovery_from_insurer: "保险理赔到账",
} as const

const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
const beijing = (at: Date | string) =>
  new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ")

/**
 * GET /admin/guarantee-fund/export: the whole ledger as CSV (UTF-8 with BOM so Excel reads
 * the Chinese), oldest first with the running balance, Beijing time, yuan with two decimals.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const cases = req.scope.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
  const rows: string[] = ["时间（北京时间）,类型,金额（元）,余额（元）,事件,说明,操作人"]
  const all = []
  for (let offset = 0; ; offset += 500) {
    const { entries } = await cases.fundEntries({ limit: 500, offset })
    all.push(...entries)
    if (entries.length < 500) break
  }
  let balance = 0
  for (const entry of all.reverse()) {
    balance += entry.amount_fen
    rows.push(
      [
        beijing(entry.created_at),
        KIND_LABELS[entry.kind],
        (entry.amount_fen / 100).toFixed(2),
        (balance / 100).toFixed(2),
        entry.case_id ?? "",
        entry.note,
        entry.created_by ?? "",
      ]
        .map(cell)
        .join(",")
    )
  }
  res.locals.audit = { action: "guarantee_fund.exported", details: { entries: all.length } }
  res.setHeader("content-type", "text/csv; charset=utf-8")
  res.setHeader("content-disposition", `attachment; filename="guarantee-fund.csv"`)
  res.send(`\uFEFF${rows.join("\r\n")}\r\n`)
}
