import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadOrderCancellation } from "../../../../../workflows/orders/load-order-cancellation"

/** Whether the member may still cancel this order themselves, and if not, why. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { refusal } = await loadOrderCancellation(
    req.scope,
    req.params.id,
    req.auth_context.actor_id
  )
  res.json({ cancellation: { allowed: refusal === null, reason: refusal } })
}
