import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../../consultation-request"
import { groupSessionsOf, presentGroupSessions } from "../../../group-session-request"

/** GET /doctor/group-sessions/:id: the expert's session with every question (the console). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const sessions = groupSessionsOf(req)
  const row = await sessions.doctorSession(req.params.id, doctor.id)
  const [group_session] = await presentGroupSessions(req, [row])
  const questions = await sessions.questions(row.id)
  res.json({ group_session, questions: questions.map((q) => sessions.presentModeratedQuestion(q)) })
}
