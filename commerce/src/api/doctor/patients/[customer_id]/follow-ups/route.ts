import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { scheduleFollowUpWorkflow } from "../../../../../workflows/consultation/schedule-follow-up"
import { signedInDoctor } from "../../../../consultation-request"

type Body = { date: string; note: string; consultation_id: string | null }

/**
 * POST /doctor/patients/:customer_id/follow-ups `{ date, note, consultation_id? }` → 201: the
 * member sees it under 我的问诊 and is reminded at 09:00 Beijing time that day.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const { result } = await scheduleFollowUpWorkflow(req.scope).run({
    input: {
      doctor_id: doctor.id,
      customer_id: req.params.customer_id,
      consultation_id: req.validatedBody.consultation_id,
      due_date: req.validatedBody.date,
      note: req.validatedBody.note,
    },
  })
  res.status(201).json({ follow_up: consultations.presentFollowUp(result) })
}
