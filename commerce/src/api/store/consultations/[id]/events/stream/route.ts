import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { streamConsultation } from "../../../../../consultation-conversation-handlers"
import { memberConsultation } from "../../../../../consultation-request"

/** GET: the consultation live (SSE) for its member; another member gets 404 first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await streamConsultation(req, res, await memberConsultation(req))
}
