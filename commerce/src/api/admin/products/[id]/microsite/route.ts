import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  productMicrosite,
  setProductMicrosite,
} from "../../../../../workflows/official-account/product-microsite"
import type { SetProductMicrositeBodyType } from "../../../official-account/validators"

/** GET /admin/products/:id/microsite: whether the 微官网 (mini-program, 群发) shows the product. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ microsite: await productMicrosite(req.scope, req.params.id) })
}

/** POST /admin/products/:id/microsite `{ shown }`: 发布到微官网 on or off. */
export async function POST(
  req: AuthenticatedMedusaRequest<SetProductMicrositeBodyType>,
  res: MedusaResponse
) {
  const microsite = await setProductMicrosite(req.scope, {
    product_id: req.params.id,
    shown: req.validatedBody.shown,
    changed_by: req.auth_context?.actor_id ?? null,
  })
  res.json({ microsite })
}
