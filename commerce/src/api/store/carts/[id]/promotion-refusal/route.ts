import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readPromotionRefusal } from "../../../../../workflows/promotions/read-promotion-refusal"
import type { PromotionRefusalQueryType } from "./validators"

/**
 * Whether a promotion code is on the cart and, if Medusa left it off, why (expired, not
 * started, used up, minimum not met, not for these products …). The cart guards of
 * store/ownership decide who may ask.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { code } = req.validatedQuery as PromotionRefusalQueryType
  res.json(await readPromotionRefusal(req.scope, req.params.id, code))
}
