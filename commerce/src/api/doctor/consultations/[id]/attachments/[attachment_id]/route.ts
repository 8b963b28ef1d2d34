import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendConsultationAttachment } from "../../../../../consultation-conversation-handlers"
import { doctorConsultation } from "../../../../../consultation-request"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendConsultationAttachment(req, res, await doctorConsultation(req))
}
