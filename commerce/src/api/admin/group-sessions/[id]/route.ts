import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { groupSessionsOf, presentGroupSessions } from "../../../group-session-request"

/** GET /admin/group-sessions/:id: a session with every question, for staff moderating it. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const sessions = groupSessionsOf(req)
  const row = await sessions.sessionRow(req.params.id)
  const [group_session] = await presentGroupSessions(req, [row])
  const questions = await sessions.questions(row.id)
  res.json({ group_session, questions: questions.map((q) => sessions.presentModeratedQuestion(q)) })
}
