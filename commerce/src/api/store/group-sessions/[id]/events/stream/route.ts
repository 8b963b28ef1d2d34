import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { joinedSession, streamRoom } from "../../../../../group-session-request"

/** GET: the room live (SSE) for a member who joined; others 403. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { session } = await joinedSession(req)
  await streamRoom(req, res, session.id, "members")
}
