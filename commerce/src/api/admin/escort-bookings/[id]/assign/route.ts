import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../../../modules/escort"
import type EscortModuleService from "../../../../../modules/escort/service"
import { assignEscortBookingWorkflow } from "../../../../../workflows/escort-dispatch/assign-escort-booking"

/**
 * POST /admin/escort-bookings/:id/assign `{ escort_id }`: staff assign a 待接单 booking or
 * reassign an accepted one; schedule and overlapping tasks are refused with 409.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<{ escort_id: string }>,
  res: MedusaResponse
) {
  const { result: row } = await assignEscortBookingWorkflow(req.scope).run({
    input: {
      booking_id: req.params.id,
      escort_id: req.validatedBody.escort_id,
      staff_id: req.auth_context.actor_id,
    },
  })
  res.locals.audit = {
    action: "escort_booking.assign",
    details: { booking_id: row.id, escort_id: row.escort_id },
  }
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  res.json({ booking: escorts.presentBooking(row, "staff") })
}
