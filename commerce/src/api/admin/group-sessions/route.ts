import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { groupSessionsOf, presentGroupSessions } from "../../group-session-request"

/** GET /admin/group-sessions: every expert's sessions, latest first (内容审核). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const rows = await groupSessionsOf(req).recentSessions(null)
  res.json({ group_sessions: await presentGroupSessions(req, rows) })
}
