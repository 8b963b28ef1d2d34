import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { summarizeFinanceWorkflow } from "../../../../workflows/finance/summarize-finance"
import { auditFinanceRead } from "../audit-finance-read"
import type { FinanceSummaryQueryType } from "../validators"

/** Members a page of the member breakdown holds when no limit is asked for. */
const MEMBER_PAGE = 50

/**
 * 财务统计 for a period of Beijing dates: totals and an optional breakdown, in fen. The member
 * breakdown always answers a page (the first 50 by money paid unless asked otherwise, with
 * the count of all): a month has some 100,000 members, which the workbook export lists.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.summary")
  const query = req.validatedQuery as FinanceSummaryQueryType
  const input =
    query.group_by === "member" ? { ...query, limit: query.limit ?? MEMBER_PAGE } : query
  const { result } = await summarizeFinanceWorkflow(req.scope).run({ input })
  res.json(result)
}
