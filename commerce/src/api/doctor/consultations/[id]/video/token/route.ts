import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { doctorConsultation } from "../../../../../consultation-request"
import { issueRoomTicket } from "../../../../../video-call-request"

/** POST /doctor/consultations/:id/video/token: the assigned doctor's room token; others get 404. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ video: issueRoomTicket(await doctorConsultation(req)) })
}
