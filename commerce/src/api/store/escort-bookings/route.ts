import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { createEscortBookingWorkflow } from "../../../workflows/escort/create-escort-booking"
import { memberEscortRequest } from "../../escort-request"
import type { CreateEscortBookingBody } from "../../escort-validators"

type Body = z.infer<typeof CreateEscortBookingBody>

/**
 * POST /store/escort-bookings: books an escort service (its catalogue `variant_id` and
 * `extras`); the server computes `price_fen` and refuses one sent by the client. The booking
 * waits for payment (待支付). The person served is a saved 就诊人 (`person_id`) or, from older
 * clients, a name and ID number (`person`).
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { escorts, customerId } = memberEscortRequest(req)
  const body = req.validatedBody
  const { result: row } = await createEscortBookingWorkflow(req.scope).run({
    input: {
      booking: {
        customer_id: customerId,
        variant_id: body.variant_id,
        extras: body.extras,
        hospital_id: body.hospital_id,
        hospital_name: body.hospital_name,
        department_name: body.department,
        department_id: body.department_id,
        city: body.city,
        service_date: body.date,
        start_time: body.time_window.start,
        end_time: body.time_window.end,
        ...(body.person_id ? { person_id: body.person_id } : { person: body.person! }),
        meeting_point: body.meeting_point,
        needs: body.needs,
      },
      consents: body.consents,
      actor: { actor_type: "customer", actor_id: customerId },
    },
  })
  res.status(201).json({ booking: escorts.presentBooking(row, "member") })
}

/** GET /store/escort-bookings: the member's own bookings, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, customerId } = memberEscortRequest(req)
  const rows = await escorts.memberBookings(customerId)
  res.json({ bookings: rows.map((row) => escorts.presentBooking(row, "member")) })
}
