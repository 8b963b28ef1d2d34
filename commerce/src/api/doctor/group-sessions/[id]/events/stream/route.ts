import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../../../../consultation-request"
import { groupSessionsOf, streamRoom } from "../../../../../group-session-request"

/** GET: the expert's console live (SSE): every question asked, decided and answered. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { doctor } = await signedInDoctor(req)
  const session = await groupSessionsOf(req).doctorSession(req.params.id, doctor.id)
  await streamRoom(req, res, session.id, "moderators")
}
