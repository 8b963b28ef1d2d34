import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { streamConsultation } from "../../../../../consultation-conversation-handlers"
import { doctorConsultation } from "../../../../../consultation-request"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await streamConsultation(req, res, await doctorConsultation(req))
}
