import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { reviewWithdrawalWorkflow } from "../../../../../../workflows/withdrawals"
import type { ReviewWithdrawalBodyType } from "../../../../../validators"
import { withdrawalView } from "../../../../../views"

const ACTIONS = ["approve", "reject", "pay"] as const

/** POST /admin/affiliate/withdrawals/:id/approve | reject | pay */
export async function POST(
  req: AuthenticatedMedusaRequest<ReviewWithdrawalBodyType>,
  res: MedusaResponse
) {
  const action = req.params.action as (typeof ACTIONS)[number]
  if (!ACTIONS.includes(action)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `未知操作 ${req.params.action}`)
  }
  const { result } = await reviewWithdrawalWorkflow(req.scope).run({
    input: {
      withdrawal_id: req.params.id,
      action,
      staff_id: req.auth_context.actor_id,
      reason: req.validatedBody.reason,
      payout_reference: req.validatedBody.payout_reference,
    },
  })
  res.json({ withdrawal: withdrawalView(result, { staff: true }) })
}
