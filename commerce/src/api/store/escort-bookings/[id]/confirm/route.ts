import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { confirmEscortBookingWorkflow } from "../../../../../workflows/escort-income/confirm-escort-booking"
import type { ConfirmEscortBookingBody } from "../../../../escort-income-validators"
import { memberEscortRequest } from "../../../../escort-request"

/**
 * POST /store/escort-bookings/:id/confirm `{ rating?, tags? }`: the member confirms a
 * finished service (已确认); the escort's income for it becomes available.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<z.infer<typeof ConfirmEscortBookingBody>>,
  res: MedusaResponse
) {
  const { escorts, customerId } = memberEscortRequest(req)
  const { result: row } = await confirmEscortBookingWorkflow(req.scope).run({
    input: {
      booking_id: req.params.id,
      customer_id: customerId,
      rating: req.validatedBody?.rating ?? null,
      tags: req.validatedBody?.tags ?? [],
    },
  })
  res.json({ booking: escorts.presentBooking(row, "member") })
}
