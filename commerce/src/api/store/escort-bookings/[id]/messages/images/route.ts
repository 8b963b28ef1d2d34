import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConversation } from "../../../../../escort-conversation-request"
import { uploadConversationImage } from "../../../../../escort-conversation-handlers"

/** POST /store/escort-bookings/:id/messages/images (multipart `file`) → 201 `{ upload: { id } }`. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await uploadConversationImage(req, res, await memberConversation(req))
}
