import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberEscortRequest } from "../../../escort-request"

/** GET /store/escort-bookings/:id: one of the member's bookings with its timeline in order. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, customerId } = memberEscortRequest(req)
  const row = await escorts.ownedBooking(req.params.id, customerId)
  const events = await escorts.bookingEvents(row.id)
  res.json({ booking: { ...escorts.presentBooking(row, "member"), events } })
}
