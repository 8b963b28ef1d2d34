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
  const slots = await consultations.slotBookingsOf(rows.map((row) => row.id))
  const doctors = new Map(
    (await consultations.doctors({ all: true })).map((doctor) => [doctor.id, doctor])
  )
  // Follow-ups the doctors scheduled, soonest first (part of the member's 问诊 record).
  const followUps = await consultations.followUpsOf(req.auth_context.actor_id)
  res.json({
    follow_ups: followUps.map((row) => ({
      ...consultations.presentFollowUp(row),
      doctor_name: doctors.get(row.doctor_id)?.name ?? null,
    })),
    consultations: rows.map((row) =>
      consultations.presentConsultation(
        row,
        doctors.get(row.doctor_id) ?? null,
        slots.get(row.id) ?? null
      )
    ),
  })
}

/**
 * POST /store/consultations `{ doctor_id, mode, question, slot? }` → 201 `{ consultation }`
 * (待支付, at the doctor's price for the mode); phone and video take `slot`, the ISO start of
 * one of `/store/doctors/:id/slots` (409 when it was just taken). Pay at `…/:id/pay`.
 */
export async function POST(req: AuthenticatedMedusaRequest<Body>, res: MedusaResponse) {
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const { result } = await createConsultationWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      doctor_id: req.validatedBody.doctor_id,
      mode: req.validatedBody.mode,
      question: req.validatedBody.question,
      slot: req.validatedBody.slot,
    },
  })
  const doctor = await consultations.doctorRow(result.doctor_id)
  const slots = await consultations.slotBookingsOf([result.id])
  res.status(201).json({
    consultation: consultations.presentConsultation(result, doctor, slots.get(result.id) ?? null),
  })
}
