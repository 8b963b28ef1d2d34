import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { accountCommissionsWorkflow } from "../../../../workflows/finance/account-commissions"
import { auditFinanceRead } from "../audit-finance-read"
import type { CommissionAccountsQueryType } from "../validators"

/** 分销核算: per affiliate over a period, accrued, reversed, matured, withdrawn, outstanding (fen). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.commissions")
  const { result } = await accountCommissionsWorkflow(req.scope).run({
    input: req.validatedQuery as CommissionAccountsQueryType,
  })
  res.json(result)
}
