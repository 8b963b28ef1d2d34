import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelMemberOrderWorkflow } from "../../../../../workflows/orders/cancel-member-order"

/** The member cancels their own order; a paid one is refunded in full. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await cancelMemberOrderWorkflow(req.scope).run({
    input: { order_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json({ order: { id: req.params.id, status: "canceled" } })
}
