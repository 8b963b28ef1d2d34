import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelClinicSignupWorkflow } from "../../../../../../workflows/appointments/cancel-clinic-signup"
import { appointmentRequest } from "../../../../../appointment-request"
import { answeringAppointmentErrors } from "../../../../../appointment-response"

/** POST /store/clinic-sessions/:id/signups/cancel: frees the member's place or waitlist spot. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { appointments, actorId } = appointmentRequest(req)
  let signupId = ""
  const done = await answeringAppointmentErrors(res, async () => {
    const { result } = await cancelClinicSignupWorkflow(req.scope).run({
      input: { customer_id: actorId, session_id: req.params.id },
    })
    signupId = result.cancelled.id
  })
  if (!done) return
  const [signup] = await appointments.signupViews([signupId])
  res.json({ signup, ...(await appointments.sessionSummary(req.params.id)) })
}
