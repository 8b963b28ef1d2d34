import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSULTATION_MODULE } from "../../../modules/consultation"
import type ConsultationModuleService from "../../../modules/consultation/service"
import { grantAssessmentWorkflow } from "../../../workflows/assessment/grant-assessment"
import { assessmentsOf } from "../../assessment-request"
import type { GrantAssessmentBodyType } from "../../assessment-validators"

/** GET → `{ assessments }`: the member's 检测评估, newest first, with the expert's name. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const assessments = assessmentsOf(req)
  const consultations = req.scope.resolve<ConsultationModuleService>(CONSULTATION_MODULE)
  const rows = await assessments.assessmentsOf({ customer_id: req.auth_context.actor_id })
  const now = new Date()
  const names = new Map<string, string>()
  for (const id of new Set(rows.map((row) => row.doctor_id))) {
    names.set(id, (await consultations.doctorRow(id).catch(() => null))?.name ?? "专家")
  }
  res.json({
    assessments: rows.map((row) => ({
      ...assessments.view(row, now),
      doctor_name: names.get(row.doctor_id),
    })),
  })
}

/**
 * POST `{ doctor_id, question, ends_at, consent: true, items: [{ item_type, item_id }] }` →
 * 201 `{ assessment }`: the member lets that expert read those items for this assessment.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<GrantAssessmentBodyType>,
  res: MedusaResponse
) {
  const body = req.validatedBody
  const { result } = await grantAssessmentWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context.actor_id,
      doctor_id: body.doctor_id,
      question: body.question,
      ends_at: body.ends_at.toISOString(),
      items: body.items,
    },
  })
  res.status(201).json({ assessment: assessmentsOf(req).view(result, new Date()) })
}
