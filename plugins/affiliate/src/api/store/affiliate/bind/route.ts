import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindReferrerWorkflow } from "../../../../workflows/bind-referrer"
import type { BindReferrerBodyType } from "../../../validators"

/** Binds the signed-in member to the owner of a share code (from `/r/<code>` or `?ref=`). */
export async function POST(
  req: AuthenticatedMedusaRequest<BindReferrerBodyType>,
  res: MedusaResponse
) {
  const { result } = await bindReferrerWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, code: req.validatedBody.code },
  })
  res.json({ affiliate: { code: result.code, bound_at: result.bound_at, status: result.status } })
}
