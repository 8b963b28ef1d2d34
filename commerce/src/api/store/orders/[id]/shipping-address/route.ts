import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeMemberOrderAddressWorkflow } from "../../../../../workflows/orders/change-member-order-address"
import type { OrderAddressBodyType } from "../../validators"

/** The member changes where the kit is sent, until it ships (409 with the reason after). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const address = req.validatedBody as OrderAddressBodyType
  await changeMemberOrderAddressWorkflow(req.scope).run({
    input: { order_id: req.params.id, customer_id: req.auth_context.actor_id, address },
  })
  res.json({ order: { id: req.params.id, shipping_address: address } })
}
