import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listFinanceEntriesWorkflow } from "../../../../workflows/finance/list-finance-entries"
import { auditFinanceRead } from "../audit-finance-read"
import type { FinanceEntriesQueryType } from "../validators"

/** The rows behind one figure of 财务统计 (same period and filters), paged, members masked. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.entries")
  const { result } = await listFinanceEntriesWorkflow(req.scope).run({
    input: req.validatedQuery as FinanceEntriesQueryType,
  })
  res.json(result)
}
