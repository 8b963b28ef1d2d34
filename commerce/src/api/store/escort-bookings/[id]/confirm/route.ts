import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberEscortRequest } from "../../../../escort-request"

/** POST /store/escort-bookings/:id/confirm: the member confirms a finished service (已确认). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, customerId } = memberEscortRequest(req)
  const row = await escorts.confirmBooking(req.params.id, customerId)
  res.json({ booking: escorts.presentBooking(row, "member") })
}
