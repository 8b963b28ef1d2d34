import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { askGroupSessionQuestionWorkflow } from "../../../../../workflows/group-session/ask-group-session-question"
import { groupSessionsOf } from "../../../../group-session-request"

/**
 * POST /store/group-sessions/:id/questions `{ text }`: 201 with the question waiting for a
 * moderator (待审核); the room sees it once approved.
 */
export async function POST(req: AuthenticatedMedusaRequest<{ text: string }>, res: MedusaResponse) {
  const { result } = await askGroupSessionQuestionWorkflow(req.scope).run({
    input: {
      session_id: req.params.id,
      customer_id: req.auth_context.actor_id,
      text: req.validatedBody.text,
    },
  })
  res.status(201).json({ question: groupSessionsOf(req).presentModeratedQuestion(result) })
}
