import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { staffConversation } from "../../../../escort-conversation-request"
import { listConversationMessages } from "../../../../escort-conversation-handlers"

/** GET /admin/escort-bookings/:id/messages: a booking's conversation (the read is audit-logged). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const conversation = await staffConversation(req)
  res.locals.audit = {
    action: "escort_booking.messages.read",
    details: { booking_id: conversation.booking.id },
  }
  await listConversationMessages(req, res, conversation)
}
