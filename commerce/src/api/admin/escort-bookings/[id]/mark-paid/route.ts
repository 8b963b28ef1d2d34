import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../../../modules/escort"
import type EscortModuleService from "../../../../../modules/escort/service"

/**
 * POST /admin/escort-bookings/:id/mark-paid: operations record a payment taken outside
 * the checkout (待支付 → 待接单) until bookings are paid online; a second call is 409.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const row = await escorts.markPaid(req.params.id, {
    actor_type: "staff",
    actor_id: req.auth_context.actor_id,
  })
  res.locals.audit = { action: "escort_booking.mark_paid", details: { booking_id: row.id } }
  res.json({ booking: escorts.presentBooking(row, "staff") })
}
