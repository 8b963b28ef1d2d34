import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerIdOf, groupSessionsOf, presentGroupSessions } from "../../group-session-request"

/** GET /store/group-sessions: 在线咨询 not over yet, soonest first (public; `joined` when signed in). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const rows = await groupSessionsOf(req).upcomingSessions(new Date())
  res.json({ group_sessions: await presentGroupSessions(req, rows, customerIdOf(req)) })
}
