import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { disputeEscortBookingWorkflow } from "../../../../../workflows/escort-income/dispute-escort-booking"
import type { DisputeEscortBookingBody } from "../../../../escort-income-validators"
import { memberEscortRequest } from "../../../../escort-request"

/**
 * POST /store/escort-bookings/:id/dispute `{ reason }`: the member disputes a finished
 * service before its income is released; operations resolve it. Another member's: 404.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof DisputeEscortBookingBody>>,
  res: MedusaResponse
) {
  const { customerId } = memberEscortRequest(req)
  const { result } = await disputeEscortBookingWorkflow(req.scope).run({
    input: { booking_id: req.params.id, customer_id: customerId, reason: req.validatedBody.reason },
  })
  res.status(201).json({
    dispute: {
      id: result.id,
      booking_id: result.booking_id,
      status: result.status,
      reason: result.reason,
      created_at: new Date(result.created_at).toISOString(),
    },
  })
}
