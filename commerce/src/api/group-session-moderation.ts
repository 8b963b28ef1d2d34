import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ModeratorType } from "../modules/group-session/rules/question-status"
import { decideGroupSessionQuestionWorkflow } from "../workflows/group-session/decide-group-session-question"
import { signedInDoctor } from "./consultation-request"
import { groupSessionsOf } from "./group-session-request"

type Moderator = { type: ModeratorType; id: string; sessionId: string }

/** The session's own expert moderates it; another expert's session is 404. */
export async function doctorModerator(req: AuthenticatedMedusaRequest): Promise<Moderator> {
  const { doctor } = await signedInDoctor(req)
  const session = await groupSessionsOf(req).doctorSession(req.params.id, doctor.id)
  return { type: "doctor", id: doctor.id, sessionId: session.id }
}

/** Staff with 内容审核 (the route permissions let only them here) moderate any session. */
export async function staffModerator(req: AuthenticatedMedusaRequest): Promise<Moderator> {
  const session = await groupSessionsOf(req).sessionRow(req.params.id)
  return { type: "staff", id: req.auth_context.actor_id, sessionId: session.id }
}

/** Approves or rejects a waiting question: `{ question }`, or 409 once decided. */
export async function decideQuestion(
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse,
  action: "approve" | "reject",
  moderator: Moderator
) {
  const by = { by_type: moderator.type, by_id: moderator.id }
  const { result } = await decideGroupSessionQuestionWorkflow(req.scope).run({
    input: {
      session_id: moderator.sessionId,
      question_id: req.params.question_id,
      decision:
        action === "approve"
          ? { action, ...by }
          : {
              action,
              ...by,
              reason: (req.validatedBody as { reason?: string | null } | undefined)?.reason ?? null,
            },
    },
  })
  res.json({ question: groupSessionsOf(req).presentModeratedQuestion(result) })
}
