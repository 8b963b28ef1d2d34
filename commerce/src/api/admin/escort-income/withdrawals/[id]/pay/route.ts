import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { moveEscortWithdrawalWorkflow } from "../../../../../../workflows/escort-income/move-escort-withdrawal"
import { presentEscortWithdrawal } from "../../../../../escort/withdrawals/present-escort-withdrawal"
import type { PayEscortWithdrawalBody } from "../../../../../escort-income-validators"

/** POST /admin/escort-income/withdrawals/:id/pay: `{ reference }`: finance records the bank transfer that paid it. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof PayEscortWithdrawalBody>>,
  res: MedusaResponse
) {
  const { result } = await moveEscortWithdrawalWorkflow(req.scope).run({
    input: {
      withdrawal_id: req.params.id,
      action: {
        kind: "pay" as const,
        staff_id: req.auth_context.actor_id,
        reference: req.validatedBody.reference,
      },
    },
  })
  res.locals.audit = {
    action: "escort_income.withdrawal_pay",
    details: { withdrawal_id: result.id, amount_fen: result.amount_fen },
  }
  res.json({ withdrawal: presentEscortWithdrawal(result, "staff") })
}
