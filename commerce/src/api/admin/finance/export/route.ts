import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { summarizeFinanceWorkflow } from "../../../../workflows/finance/summarize-finance"
import { auditFinanceRead } from "../audit-finance-read"
import type { FinanceSummaryQueryType } from "../validators"
import { writeFinanceWorkbook } from "./finance-workbook"

/** The same summary as GET /admin/finance/summary, as an Excel workbook (财务统计_from_to.xlsx). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.export")
  const period = req.validatedQuery as FinanceSummaryQueryType
  const { result } = await summarizeFinanceWorkflow(req.scope).run({ input: period })
  const filename = `财务统计_${period.from}_${period.to}.xlsx`
  res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="finance-${period.from}-${period.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`
  )
  await writeFinanceWorkbook(res, period, result)
  if (!res.writableEnded) res.end()
}
