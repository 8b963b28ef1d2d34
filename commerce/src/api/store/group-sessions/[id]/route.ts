import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerIdOf, groupSessionsOf, presentGroupSessions } from "../../../group-session-request"

/**
 * GET /store/group-sessions/:id: the session; a joined member also gets the room (public
 * questions and answers, in order) and their own questions with where each stands.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const sessions = groupSessionsOf(req)
  const row = await sessions.sessionRow(req.params.id)
  const customerId = customerIdOf(req)
  const [group_session] = await presentGroupSessions(req, [row], customerId)
  if (!customerId || !group_session.joined) {
    return res.json({ group_session, questions: [], my_questions: [] })
  }
  const [room, mine] = await Promise.all([
    sessions.questions(row.id, { status: "approved" }),
    sessions.questions(row.id, { customer_id: customerId }),
  ])
  res.json({
    group_session,
    questions: room.map((q) => sessions.presentQuestion(q)),
    my_questions: mine.map((q) => sessions.presentModeratedQuestion(q)),
  })
}
