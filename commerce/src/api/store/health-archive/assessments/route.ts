import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../../modules/consultation"
import type ConsultationModuleService from "../../../../modules/consultation/service"
import { CONSTITUTION_MODULE } from "../../../../modules/constitution"
import { primaryTitle } from "../../../../modules/constitution/rules/primary-title"
import type ConstitutionModuleService from "../../../../modules/constitution/service"
import { archiveRequest } from "../../../health-archive-request"

/**
 * The member's assessments, newest first: constitution results, then the advice notes doctors
 * wrote at the end of consultations (kind `consultation_advice`, labelled as advice).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const { actorId, log } = archiveRequest(req)
  const { assessments } = await constitution.listConstitutionAssessmentsOf(actorId, { take: 100 })
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const advice = await consultations.adviceNotesOf(actorId)
  await log(actorId, "list", "assessment")
  res.json({
    advice_notes: advice.map((row) => {
      const view = consultations.presentConsultation(row, null)
      return {
        id: row.id,
        kind: "consultation_advice",
        consultation_id: row.id,
        doctor_id: row.doctor_id,
        advice: view.advice,
        created_at: view.advice?.at ?? view.created_at,
      }
    }),
    assessments: assessments.map((a) => ({
      id: a.id,
      kind: "constitution",
      primary: a.primary,
      primary_label: primaryTitle(a),
      verdicts: a.verdicts,
      scores: a.scores,
      created_at: a.created_at.toISOString(),
    })),
  })
}
