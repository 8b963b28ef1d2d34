import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerGroupSessionQuestionWorkflow } from "../../../../../../../workflows/group-session/answer-group-session-question"
import { doctorModerator } from "../../../../../../group-session-moderation"
import { groupSessionsOf } from "../../../../../../group-session-request"

/** POST `{ answer }`: the expert answers a public question, once; live to every member. */
export async function POST(
  req: AuthenticatedMedusaRequest<{ answer: string }>,
  res: MedusaResponse
) {
  const { sessionId } = await doctorModerator(req)
  const { result } = await answerGroupSessionQuestionWorkflow(req.scope).run({
    input: {
      session_id: sessionId,
      question_id: req.params.question_id,
      answer: req.validatedBody.answer,
    },
  })
  res.json({ question: groupSessionsOf(req).presentModeratedQuestion(result) })
}
