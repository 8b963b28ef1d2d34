import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { escortConversation } from "../../../../escort-conversation-request"
import {
  listConversationMessages,
  sendConversationMessage,
} from "../../../../escort-conversation-handlers"

/** GET /escort/tasks/:id/messages?after=: the escort's conversation with the task's member. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await listConversationMessages(req, res, await escortConversation(req))
}

/** POST /escort/tasks/:id/messages `{ text?, image_upload_id? }` → 201 `{ message }`. */
export async function POST(
  req: AuthenticatedMedusaRequest<{ text: string | null; image_upload_id: string | null }>,
  res: MedusaResponse
) {
  await sendConversationMessage(req, res, await escortConversation(req))
}
