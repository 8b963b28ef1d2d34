import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { CONSULTATION_MODULE } from "../../../modules/consultation"
import type ConsultationModuleService from "../../../modules/consultation/service"
import { createConsultationWorkflow } from "../../../workflows/consultation/create-consultation"
import type { CreateConsultationBody } from "../../consultation-validators"

type Body = z.infer<typeof CreateConsultationBody>

/** GET /store/consultations: the member's consultations, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const rows = await consultations.consultationsOf(req.auth_context.actor_id)
  const doctors = new Map(
    (await consultations.doctors({ all: true })).map((doctor) => [doctor.id, doctor])
  )
  res.json({
    consultations: rows.map((row) =>
      consultations.presentConsultation(row, doctors.get(row.doctor_id) ?? null)
    ),
  })
}

/**
 * POST /store/consultations `{ doctor_id, mode: "text", question }` → 201
 * `{ consultation }` (待支付, at the doctor's price); pay at `/store/consultations/:id/pay`.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const { result } = await createConsultationWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      doctor_id: req.validatedBody.doctor_id,
      mode: req.validatedBody.mode,
      question: req.validatedBody.question,
    },
  })
  const doctor = await consultations.doctorRow(result.doctor_id)
  res.status(201).json({ consultation: consultations.presentConsultation(result, doctor) })
}
