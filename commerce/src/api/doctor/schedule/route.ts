import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { signedInDoctor } from "../../consultation-request"

type Body = { on_duty?: boolean; weekly_schedule?: Record<string, [string, string][]> }

/**
 * POST /doctor/schedule `{ on_duty?, weekly_schedule? }`: off duty, members cannot start a
 * consultation with the doctor (text consultations need no slots; phone and video will).
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const row = await consultations.setDuty(doctor.id, req.validatedBody)
  res.json({
    doctor: { ...consultations.presentDoctor(row), weekly_schedule: row.weekly_schedule ?? {} },
  })
}
