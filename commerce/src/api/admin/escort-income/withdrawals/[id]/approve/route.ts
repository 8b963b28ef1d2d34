import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moveEscortWithdrawalWorkflow } from "../../../../../../workflows/escort-income/move-escort-withdrawal"
import { presentEscortWithdrawal } from "../../../../../escort/withdrawals/present-escort-withdrawal"

/** POST /admin/escort-income/withdrawals/:id/approve: finance approves a requested withdrawal. */
export async function POST(
  req: AuthenticatedMedusaRequest<Record<string, never>>,
  res: MedusaResponse
) {
  const { result } = await moveEscortWithdrawalWorkflow(req.scope).run({
    input: {
      withdrawal_id: req.params.id,
      action: { kind: "approve" as const, staff_id: req.auth_context.actor_id },
    },
  })
  res.locals.audit = {
    action: "escort_income.withdrawal_approve",
    details: { withdrawal_id: result.id, amount_fen: result.amount_fen },
  }
  res.json({ withdrawal: presentEscortWithdrawal(result, "staff") })
}
