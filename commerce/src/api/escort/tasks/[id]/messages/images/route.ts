import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { escortConversation } from "../../../../../escort-conversation-request"
import { uploadConversationImage } from "../../../../../escort-conversation-handlers"

/**
 * POST /escort/tasks/:id/messages/images (multipart `file`) → 201 `{ upload: { id } }`: a
 * picture to send, or a document photographed for the service report.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await uploadConversationImage(req, res, await escortConversation(req))
}
