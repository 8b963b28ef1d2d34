import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { moveEscortWithdrawalWorkflow } from "../../../../../../workflows/escort-income/move-escort-withdrawal"
import { presentEscortWithdrawal } from "../../../../../escort/withdrawals/present-escort-withdrawal"
import type { RejectEscortWithdrawalBody } from "../../../../../escort-income-validators"

/** POST /admin/escort-income/withdrawals/:id/reject: `{ reason }`: the amount returns to the escort's balance. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RejectEscortWithdrawalBody>>,
  res: MedusaResponse
) {
  const { result } = await moveEscortWithdrawalWorkflow(req.scope).run({
    input: {
      withdrawal_id: req.params.id,
      action: {
        kind: "reject" as const,
        staff_id: req.auth_context.actor_id,
        reason: req.validatedBody.reason,
      },
    },
  })
  res.locals.audit = {
    action: "escort_income.withdrawal_reject",
    details: { withdrawal_id: result.id, amount_fen: result.amount_fen },
  }
  res.json({ withdrawal: presentEscortWithdrawal(result, "staff") })
}
