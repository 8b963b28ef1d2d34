import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { appointmentRequest } from "../../appointment-request"

/** GET /store/clinic-signups: the member's clinic-session sign-ups, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { appointments, actorId } = appointmentRequest(req)
  res.json({ signups: await appointments.listSignupViews({ customer_id: actorId }) })
}
