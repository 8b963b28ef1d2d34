import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { acceptConsultationWorkflow } from "../../../../../workflows/consultation/accept-consultation"
import { signedInDoctor } from "../../../../consultation-request"

/** POST: the doctor takes the consultation (待接诊 → 进行中). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const { result } = await acceptConsultationWorkflow(req.scope).run({
    input: { consultation_id: req.params.id, doctor_id: doctor.id },
  })
  res.json({ consultation: consultations.presentConsultation(result, null) })
}
