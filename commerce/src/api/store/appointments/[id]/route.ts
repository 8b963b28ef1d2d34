import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { appointmentRequest } from "../../../appointment-request"

/** GET /store/appointments/:id: one of the member's appointments with its history. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { appointments, ownerId } = appointmentRequest(req)
  const { id } = await appointments.ownedAppointment(req.params.id, ownerId)
  const [appointment] = await appointments.appointmentViews([id])
  res.json({ appointment })
}
