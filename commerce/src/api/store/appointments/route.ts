import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bookAppointmentWorkflow } from "../../../workflows/appointments/book-appointment"
import { appointmentRequest } from "../../appointment-request"
import { answeringAppointmentErrors } from "../../appointment-response"
import type { BookAppointmentBodyType } from "../../appointment-validators"

/** GET /store/appointments: the member's appointments, latest day first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { appointments, actorId } = appointmentRequest(req)
  res.json({ appointments: await appointments.customerAppointments(actorId) })
}

/** POST /store/appointments: books a place at a collection site. */
export async function POST(
  req: AuthenticatedMedusaRequest<BookAppointmentBodyType>,
  res: MedusaResponse
) {
  const { appointments, actorId } = appointmentRequest(req)
  let id = ""
  const done = await answeringAppointmentErrors(res, async () => {
    const { result } = await bookAppointmentWorkflow(req.scope).run({
      input: { customer_id: actorId, ...req.validatedBody },
    })
    id = result.id
  })
  if (!done) return
  const [appointment] = await appointments.appointmentViews([id])
  res.status(201).json({ appointment })
}
