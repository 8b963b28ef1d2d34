import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberConversation } from "../../../../escort-conversation-request"

/**
 * GET /store/escort-bookings/:id/service-report: the escort's report of the member's booking
 * (`null` until it is written), each document with whether it is in the health archive.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { messaging, booking, imageUrl } = await memberConversation(req)
  const row = await messaging.reportOf(booking.id)
  res.json({ report: row ? await messaging.presentReport(row, imageUrl) : null })
}
