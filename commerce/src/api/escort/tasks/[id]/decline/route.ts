import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { declineDispatchOfferWorkflow } from "../../../../../workflows/escort-dispatch/decline-dispatch-offer"
import { escortRequest } from "../../../../escort-request"

/**
 * POST /escort/tasks/:id/decline: the escort turns down a task offered to them (auto
 * dispatch); the next escort is offered it. 404 when they hold no live offer of it.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escort } = await escortRequest(req)
  await declineDispatchOfferWorkflow(req.scope).run({
    input: { booking_id: req.params.id, escort_id: escort.id },
  })
  res.json({ id: req.params.id, declined: true })
}
