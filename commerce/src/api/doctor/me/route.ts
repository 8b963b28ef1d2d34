import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../consultation-request"

/** GET /doctor/me: the signed-in doctor's profile, duty and weekly schedule. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  res.json({
    doctor: {
      ...consultations.presentDoctor(doctor),
      weekly_schedule: doctor.weekly_schedule ?? {},
    },
  })
}
