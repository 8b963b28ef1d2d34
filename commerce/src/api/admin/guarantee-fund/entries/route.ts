import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { fundGuaranteeWorkflow } from "../../../../workflows/escort-case/fund-guarantee"
import type { FundGuaranteeBody } from "../../../escort-case-validators"
import { presentFundEntry } from "../../escort-cases/present-escort-case"

/**
 * POST /admin/guarantee-fund/entries `{ amount_fen, idempotency_key, note }`: finance tops up
 * the fund (fund_in). The same key again answers the first entry (200) and adds nothing.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof FundGuaranteeBody>>,
  res: MedusaResponse
) {
  const { result } = await fundGuaranteeWorkflow(req.scope).run({
    input: { ...req.validatedBody, staff_id: req.auth_context.actor_id },
  })
  if (result.created) {
    res.locals.audit = {
      action: "guarantee_fund.fund_in",
      details: { entry_id: result.entry.id, amount_fen: result.entry.amount_fen },
    }
  }
  res.status(result.created ? 201 : 200).json({ entry: presentFundEntry(result.entry) })
}
