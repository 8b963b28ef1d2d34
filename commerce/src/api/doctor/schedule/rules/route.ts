import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { DoctorScheduleRulesBody } from "../../../consultation-validators"
import { signedInDoctor } from "../../../consultation-request"

type Body = z.infer<typeof DoctorScheduleRulesBody>

/**
 * POST /doctor/schedule/rules `{ rules: [{ weekday, start, end, slot_minutes, modes, capacity }] }`:
 * the whole week replaced (overlapping windows on one weekday are refused). Seats already
 * booked stay booked.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const rules = await consultations.replaceWeeklyRules(doctor.id, req.validatedBody.rules)
  res.json({ rules: rules.map((r) => consultations.presentScheduleRule(r)) })
}
