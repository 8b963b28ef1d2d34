import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { summarizeFinanceWorkflow } from "../../../../workflows/finance/summarize-finance"
import { auditFinanceRead } from "../audit-finance-read"
import type { FinanceSummaryQueryType } from "../validators"

/** 财务统计 for a period of Beijing dates: totals and an optional breakdown, in fen. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.summary")
  const { result } = await summarizeFinanceWorkflow(req.scope).run({
    input: req.validatedQuery as FinanceSummaryQueryType,
  })
  res.json(result)
}
