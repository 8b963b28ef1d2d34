import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { doctorConsultation } from "../../../../consultation-request"
import { videoCallSummary } from "../../../../video-call-request"

/** GET /doctor/consultations/:id/video: the calls of the doctor's consultation. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultation } = await doctorConsultation(req)
  res.json({
    video: { mode: consultation.mode, ...(await videoCallSummary(req, consultation.id)) },
  })
}
