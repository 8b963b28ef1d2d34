import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { uploadConsultationAttachment } from "../../../../consultation-conversation-handlers"
import { doctorConsultation } from "../../../../consultation-request"

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await uploadConsultationAttachment(req, res, await doctorConsultation(req))
}
