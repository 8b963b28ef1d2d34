import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { seatLabel } from "../../../../../modules/group-session/rules/question-status"
import { joinGroupSessionWorkflow } from "../../../../../workflows/group-session/join-group-session"
import { groupSessionsOf, presentGroupSessions } from "../../../../group-session-request"

/** POST /store/group-sessions/:id/join: a seat (201 the first time, 200 after); full is 409. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const customerId = req.auth_context.actor_id
  const { result } = await joinGroupSessionWorkflow(req.scope).run({
    input: { session_id: req.params.id, customer_id: customerId },
  })
  const row = await groupSessionsOf(req).sessionRow(req.params.id)
  const [group_session] = await presentGroupSessions(req, [row], customerId)
  res.status(result.created ? 201 : 200).json({
    group_session,
    participant: { seat: result.participant.seat, name: seatLabel(result.participant.seat) },
  })
}
