import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeWebPushSubscriptionWorkflow } from "../../../../workflows/web-push/remove-web-push-subscription"
import { saveWebPushSubscriptionWorkflow } from "../../../../workflows/web-push/save-web-push-subscription"
import type {
  RemoveWebPushSubscriptionBodyType,
  SaveWebPushSubscriptionBodyType,
} from "../validators"

/** Switches 消息提醒 on in this browser for the signed-in member. */
export async function POST(
  req: AuthenticatedMedusaRequest<SaveWebPushSubscriptionBodyType>,
  res: MedusaResponse
) {
  const { endpoint, keys } = req.validatedBody
  const { result } = await saveWebPushSubscriptionWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      endpoint,
      p256dh: keys.p256dh,
      auth: keys.auth,
      user_agent: req.get("user-agent")?.slice(0, 300) ?? null,
    },
  })
  // The keys stay on the server: the browser has them already.
  res.json({ web_push_subscription: { id: result.id, endpoint: result.endpoint } })
}

/** Switches 消息提醒 off in this browser (also sent on sign-out). */
export async function DELETE(
  req: AuthenticatedMedusaRequest<RemoveWebPushSubscriptionBodyType>,
  res: MedusaResponse
) {
  const { result } = await removeWebPushSubscriptionWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, endpoint: req.validatedBody.endpoint },
  })
  res.json({ endpoint: req.validatedBody.endpoint, deleted: result.deleted })
}
