import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCommissionEntriesWorkflow } from "../../../../../../workflows/finance/list-commission-entries"
import { auditFinanceRead } from "../../../audit-finance-read"
import type { CommissionEntriesQueryType } from "../../../validators"

/** The ledger lines and orders behind one figure of one affiliate in 分销核算. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  auditFinanceRead(req, res, "finance.commission_entries")
  const { result } = await listCommissionEntriesWorkflow(req.scope).run({
    input: { ...(req.validatedQuery as CommissionEntriesQueryType), affiliate_id: req.params.id },
  })
  res.json(result)
}
