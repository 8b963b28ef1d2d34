import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signUpClinicSessionWorkflow } from "../../../../../workflows/appointments/sign-up-clinic-session"
import { appointmentRequest } from "../../../../appointment-request"
import { answeringAppointmentErrors } from "../../../../appointment-response"

/** The session's counts and the member's own sign-up (or null). */
async function sessionState(req: AuthenticatedMedusaRequest) {
  const { appointments, actorId } = appointmentRequest(req)
  const [mine] = (
    await appointments.listSignupViews({ session_id: req.params.id, customer_id: actorId })
  ).filter((signup) => signup.status !== "cancelled")
  return {
    session_id: req.params.id,
    ...(await appointments.sessionSummary(req.params.id)),
    signup: mine ?? null,
  }
}

/** GET /store/clinic-sessions/:id/signups: places taken, waitlist length, my sign-up. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await sessionState(req))
}

/** POST /store/clinic-sessions/:id/signups: signs the member up, or onto the waitlist. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { actorId } = appointmentRequest(req)
  const done = await answeringAppointmentErrors(res, async () => {
    await signUpClinicSessionWorkflow(req.scope).run({
      input: { customer_id: actorId, session_id: req.params.id },
    })
  })
  if (!done) return
  res.status(201).json(await sessionState(req))
}
