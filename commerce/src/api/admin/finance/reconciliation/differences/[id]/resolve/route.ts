import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveReconciliationDifferenceWorkflow } from "../../../../../../../workflows/payments/reconciliation/resolve-reconciliation-difference"
import type { ResolveDifferenceBodyType } from "../../../validators"

/** Finance records how a difference was settled (the figures stay as they were). */
export async function POST(
  req: AuthenticatedMedusaRequest<ResolveDifferenceBodyType>,
  res: MedusaResponse
) {
  const { result: difference } = await resolveReconciliationDifferenceWorkflow(req.scope).run({
    input: { id: req.params.id, note: req.validatedBody.note, staff_id: req.auth_context.actor_id },
  })
  res.json({ difference })
}
