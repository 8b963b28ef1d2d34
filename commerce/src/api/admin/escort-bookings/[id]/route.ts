import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../../modules/escort"
import type EscortModuleService from "../../../../modules/escort/service"

/** GET /admin/escort-bookings/:id: a booking with its timeline (the read is audit-logged). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const row = await escorts.ownedBooking(req.params.id)
  const events = await escorts.bookingEvents(row.id)
  res.locals.audit = { action: "escort_booking.read", details: { booking_id: row.id } }
  res.json({ booking: { ...escorts.presentBooking(row, "staff"), events } })
}
