import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConversation } from "../../../../../../escort-conversation-request"
import { sendConversationImage } from "../../../../../../escort-conversation-handlers"

/** GET /store/escort-bookings/:id/messages/images/:upload_id: a picture of the member's booking. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendConversationImage(req, res, await memberConversation(req))
}
