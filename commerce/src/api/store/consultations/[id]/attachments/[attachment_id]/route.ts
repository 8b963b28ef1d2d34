import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendConsultationAttachment } from "../../../../../consultation-conversation-handlers"
import { memberConsultation } from "../../../../../consultation-request"

/** GET: an attachment of the member's consultation, decrypted; never cached. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendConsultationAttachment(req, res, await memberConsultation(req))
}
