import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConversation } from "../../../../escort-conversation-request"
import {
  listConversationMessages,
  sendConversationMessage,
} from "../../../../escort-conversation-handlers"

/** GET /store/escort-bookings/:id/messages?after=: the member's conversation with the escort. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await listConversationMessages(req, res, await memberConversation(req))
}

/** POST /store/escort-bookings/:id/messages `{ text?, image_upload_id? }` → 201 `{ message }`. */
export async function POST(
  req: AuthenticatedMedusaRequest<{ text: string | null; image_upload_id: string | null }>,
  res: MedusaResponse
) {
  await sendConversationMessage(req, res, await memberConversation(req))
}
