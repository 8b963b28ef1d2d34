import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { uploadConsultationAttachment } from "../../../../consultation-conversation-handlers"
import { memberConsultation } from "../../../../consultation-request"

/** POST multipart `file` (picture or PDF) → 201 `{ attachment: { id, mime_type } }`. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await uploadConsultationAttachment(req, res, await memberConsultation(req))
}
