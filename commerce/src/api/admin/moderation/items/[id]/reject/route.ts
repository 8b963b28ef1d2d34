import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { decideModerationItemWorkflow } from "../../../../../../workflows/moderation/decide-moderation-item"
import type { RejectModerationItemBody } from "../../../../../escort-review-validators"
import { presentModerationItems } from "../../../present-moderation-item"

/** POST /admin/moderation/items/:id/reject `{ reason }`: never shown; the author reads the reason. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof RejectModerationItemBody>>,
  res: MedusaResponse
) {
  const { result } = await decideModerationItemWorkflow(req.scope).run({
    input: {
      item_id: req.params.id,
      decision: {
        action: "reject",
        staff_id: req.auth_context.actor_id,
        reason: req.validatedBody.reason,
      },
    },
  })
  const [item] = await presentModerationItems(req.scope, [result])
  res.json({ item })
}
