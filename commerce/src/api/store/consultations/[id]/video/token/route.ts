import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConsultation } from "../../../../../consultation-request"
import { issueRoomTicket } from "../../../../../video-call-request"

/** POST /store/consultations/:id/video/token: the member's room token; another member's is 404. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ video: issueRoomTicket(await memberConsultation(req)) })
}
