import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../../../modules/escort"
import type EscortModuleService from "../../../../../modules/escort/service"
import { recordEscortPaymentByStaffWorkflow } from "../../../../../workflows/escort/record-escort-payment-by-staff"

/**
 * POST /admin/escort-bookings/:id/mark-paid: operations record a payment taken outside
 * the checkout (待支付 → 待接单) until bookings are paid online; a second call is 409.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result: row } = await recordEscortPaymentByStaffWorkflow(req.scope).run({
    input: { booking_id: req.params.id, staff_id: req.auth_context.actor_id },
  })
  res.locals.audit = { action: "escort_booking.mark_paid", details: { booking_id: row.id } }
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  res.json({ booking: escorts.presentBooking(row, "staff") })
}
