import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bindOfficialAccountFollowerWorkflow } from "../../../../../workflows/official-account/bind-follower"
import type { BindOfficialAccountBodyType } from "../validators"

/**
 * POST /store/wechat/official-account/bind `{ token }`: the signed-in member binds the
 * follower the account's bind link was sent to. 400 for a bad or expired link, 404 when the
 * follower is unknown, 409 when that WeChat is bound to another member.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<BindOfficialAccountBodyType>,
  res: MedusaResponse
) {
  const { result } = await bindOfficialAccountFollowerWorkflow(req.scope).run({
    input: { token: req.validatedBody.token, customer_id: req.auth_context.actor_id },
  })
  res.json({ official_account: { bound: true, following: result.subscribed } })
}
