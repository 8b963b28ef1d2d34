import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setCartStoreCreditWorkflow } from "../../../../../workflows/store-credit"
import type { SetStoreCreditBodyType } from "../../../../validators"
import { toFenFromYuan } from "../../../../views"

async function setStoreCredit(req: AuthenticatedMedusaRequest, res: MedusaResponse, fen: number) {
  await setCartStoreCreditWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id, amount: fen },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "total", "credit_line_total", "credit_lines.*"],
    filters: { id: req.params.id },
  })
  res.json({ cart: data[0] })
}

/** Pays `amount` (yuan) of the cart from the member's available balance; 0 removes it. */
export async function POST(
  req: AuthenticatedMedusaRequest<SetStoreCreditBodyType>,
  res: MedusaResponse
) {
  await setStoreCredit(req, res, toFenFromYuan(req.validatedBody.amount))
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await setStoreCredit(req, res, 0)
}
