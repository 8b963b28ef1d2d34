import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { decideModerationItemWorkflow } from "../../../../../../workflows/moderation/decide-moderation-item"
import type { ApproveModerationItemBody } from "../../../../../escort-review-validators"
import { presentModerationItems } from "../../../present-moderation-item"

/** POST /admin/moderation/items/:id/approve `{ text? }`: shown as written, or as edited here. */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ApproveModerationItemBody>>,
  res: MedusaResponse
) {
  const { result } = await decideModerationItemWorkflow(req.scope).run({
    input: {
      item_id: req.params.id,
      decision: {
        action: "approve",
        staff_id: req.auth_context.actor_id,
        text: req.validatedBody?.text ?? null,
      },
    },
  })
  const [item] = await presentModerationItems(req.scope, [result])
  res.json({ item })
}
