import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { staffConversation } from "../../../../../../escort-conversation-request"
import { sendConversationImage } from "../../../../../../escort-conversation-handlers"

/** GET /admin/escort-bookings/:id/messages/images/:upload_id (the read is audit-logged). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const conversation = await staffConversation(req)
  res.locals.audit = {
    action: "escort_booking.messages.image_read",
    details: { booking_id: conversation.booking.id, upload_id: req.params.upload_id },
  }
  await sendConversationImage(req, res, conversation)
}
