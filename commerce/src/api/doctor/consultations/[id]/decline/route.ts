import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { refundConsultationWorkflow } from "../../../../../workflows/consultation/refund-consultation"
import { signedInDoctor } from "../../../../consultation-request"

/**
 * POST `{ reason? }`: the doctor declines a consultation they have not taken; the member is
 * refunded in full through the payment's provider. A second decline changes nothing (409).
 */
export async function POST(
  req: AuthenticatedMedusaRequest<{ reason: string | null }>,
  res: MedusaResponse
) {
  const { consultations, doctor } = await signedInDoctor(req)
  const reason = req.validatedBody.reason
  const { result } = await refundConsultationWorkflow(req.scope).run({
    input: {
      consultation_id: req.params.id,
      doctor_id: doctor.id,
      reason: reason ? `医生婉拒：${reason}` : "医生婉拒了本次问诊",
      canceled_by: doctor.id,
    },
  })
  if (!result.refunded) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "只能婉拒尚未接诊的问诊")
  }
  const row = await consultations.doctorConsultation(req.params.id, doctor.id)
  res.json({ consultation: consultations.presentConsultation(row, null) })
}
