import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelEscortBookingWorkflow } from "../../../../../workflows/escort/cancel-escort-booking"
import { memberEscortRequest } from "../../../../escort-request"

/**
 * POST /store/escort-bookings/:id/cancel → `{ booking, refund_fen }`: cancels by the rule of
 * time before the service (full refund, a fee, or none) and refunds through the order's
 * payment. Repeating it answers the same booking and refund.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, customerId } = memberEscortRequest(req)
  const { result: row } = await cancelEscortBookingWorkflow(req.scope).run({
    input: { booking_id: req.params.id, customer_id: customerId },
  })
  res.json({
    booking: escorts.presentBooking(row, "member"),
    refund_fen: row.status === "refunded" ? Number(row.refund_fen ?? 0) : 0,
  })
}
