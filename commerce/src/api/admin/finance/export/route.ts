import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FinanceGroupBy } from "../../../../workflows/finance/finance-period"
import { readFinanceEntries } from "../../../../workflows/finance/read-finance-entries"
import { streamFinanceGroups } from "../../../../workflows/finance/read-finance-summary"
import { summarizeFinanceWorkflow } from "../../../../workflows/finance/summarize-finance"
import { auditFinanceRead } from "../audit-finance-read"
import type { FinanceSummaryQueryType } from "../validators"
import { writeFinanceWorkbook, type FinanceWorkbookContent } from "./finance-workbook"

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
  const knex = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const breakdowns: FinanceWorkbookContent["breakdowns"] = []
  for (const groupBy of SHEETS) breakdowns.push({ groupBy, summary: await summarize(groupBy) })
  // A year holds as many members as orders, nearly: they are streamed, not summarized.
  if (query.group_by === "member") {
    breakdowns.push({
      groupBy: "member",
      groups: (write) => streamFinanceGroups(knex, query, "member", write),
    })
  }

  const filename = `财务统计_${query.from}_${query.to}.xlsx`
  res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="finance-${query.from}-${query.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`
  )
  await writeFinanceWorkbook(res, query, { summary, breakdowns }, (write) =>
    readFinanceEntries(knex, query, ENTRY_FIGURES, write)
  )
  if (!res.writableEnded) res.end()
}
