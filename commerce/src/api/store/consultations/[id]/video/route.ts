import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConsultation } from "../../../../consultation-request"
import { videoCallSummary } from "../../../../video-call-request"

/** GET /store/consultations/:id/video: the calls of the member's consultation (start, end, length). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultation } = await memberConsultation(req)
  res.json({
    video: { mode: consultation.mode, ...(await videoCallSummary(req, consultation.id)) },
  })
}
