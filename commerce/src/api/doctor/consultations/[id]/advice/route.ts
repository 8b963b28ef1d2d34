import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { writeConsultationAdviceWorkflow } from "../../../../../workflows/consultation/write-consultation-advice"
import { signedInDoctor } from "../../../../consultation-request"

type Body = { health_advice: string; follow_up_advice: string | null }

/**
 * POST `{ health_advice, follow_up_advice? }`: the advice note (健康建议 / 复诊建议, advice and
 * never a diagnosis) closes the consultation and lands in the member's archive and inbox.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const { consultations, doctor } = await signedInDoctor(req)
  const { result } = await writeConsultationAdviceWorkflow(req.scope).run({
    input: { consultation_id: req.params.id, doctor_id: doctor.id, ...req.validatedBody },
  })
  res.status(201).json({ consultation: consultations.presentConsultation(result, null) })
}
