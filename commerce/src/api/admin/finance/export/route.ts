import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FinanceGroupBy } from "../../../../workflows/finance/finance-period"
import { readFinanceEntries } from "../../../../workflows/finance/read-finance-entries"
import { summarizeFinanceWorkflow } from "../../../../workflows/finance/summarize-finance"
import { auditFinanceRead } from "../audit-finance-read"
import type { FinanceSummaryQueryType } from "../validators"
import { writeFinanceWorkbook } from "./finance-workbook"

/** The breakdowns every workbook has a sheet for; a member breakdown only when asked. */
const SHEETS: FinanceGroupBy[] = ["day", "product", "category", "channel", "payment_method"]

/** The money figures the 明细 sheet lists, in this order. */
const ENTRY_FIGURES = ["paid", "refunded", "store_credit", "commissions", "payouts"] as const

/**
 * 财务统计 as an Excel workbook (财务统计_from_to.xlsx): the summary with the period before,
 * every breakdown, and the rows behind the money figures, under the same filters.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.export")
  const query = req.validatedQuery as FinanceSummaryQueryType
  const summarize = async (group_by?: FinanceGroupBy) =>
    // A workbook holds every group: paging is the page's, not the export's.
    (
      await summarizeFinanceWorkflow(req.scope).run({
        input: { ...query, group_by, offset: undefined, limit: undefined },
      })
    ).result
  const summary = await summarize()
  const groupBys = query.group_by === "member" ? [...SHEETS, "member" as const] : SHEETS
  const breakdowns = []
  for (const groupBy of groupBys) breakdowns.push({ groupBy, summary: await summarize(groupBy) })

  const filename = `财务统计_${query.from}_${query.to}.xlsx`
  res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="finance-${query.from}-${query.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`
  )
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await writeFinanceWorkbook(res, query, { summary, breakdowns }, (write) =>
    readFinanceEntries(knex, query, ENTRY_FIGURES, write)
  )
  if (!res.writableEnded) res.end()
}
