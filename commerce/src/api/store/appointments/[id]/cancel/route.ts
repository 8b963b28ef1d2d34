import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeAppointmentStatusWorkflow } from "../../../../../workflows/appointments/change-appointment-status"
import { appointmentRequest } from "../../../../appointment-request"
import { answeringAppointmentErrors } from "../../../../appointment-response"
import type { CancelAppointmentBodyType } from "../../../../appointment-validators"

/** POST /store/appointments/:id/cancel: the member cancels their appointment. */
export async function POST(
  req: AuthenticatedMedusaRequest<CancelAppointmentBodyType>,
  res: MedusaResponse
) {
  const { appointments, actor, ownerId } = appointmentRequest(req)
  const done = await answeringAppointmentErrors(res, async () => {
    await changeAppointmentStatusWorkflow(req.scope).run({
      input: {
        appointment_id: req.params.id,
        action: "cancel",
        actor,
        owner_id: ownerId,
        reason: req.validatedBody?.reason ?? null,
      },
    })
  })
  if (!done) return
  const [appointment] = await appointments.appointmentViews([req.params.id])
  res.json({ appointment })
}
