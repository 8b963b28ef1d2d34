import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { escortConversation } from "../../../../../../escort-conversation-request"
import { sendConversationImage } from "../../../../../../escort-conversation-handlers"

/** GET /escort/tasks/:id/messages/images/:upload_id: a picture of the task, while it lasts. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await sendConversationImage(req, res, await escortConversation(req))
}
