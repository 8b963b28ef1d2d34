import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rescheduleAppointmentWorkflow } from "../../../../../workflows/appointments/reschedule-appointment"
import { appointmentRequest } from "../../../../appointment-request"
import { answeringAppointmentErrors } from "../../../../appointment-response"
import type { RescheduleAppointmentBodyType } from "../../../../appointment-validators"

/** POST /store/appointments/:id/reschedule: the member moves it to another day or slot. */
export async function POST(
  req: AuthenticatedMedusaRequest<RescheduleAppointmentBodyType>,
  res: MedusaResponse
) {
  const { appointments, actor, ownerId } = appointmentRequest(req)
  const done = await answeringAppointmentErrors(res, async () => {
    await rescheduleAppointmentWorkflow(req.scope).run({
      input: { appointment_id: req.params.id, ...req.validatedBody, actor, owner_id: ownerId },
    })
  })
  if (!done) return
  const [appointment] = await appointments.appointmentViews([req.params.id])
  res.json({ appointment })
}
