import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ASSESSMENT_MODULE } from "../modules/assessment"
import type AssessmentModuleService from "../modules/assessment/service"
import { ITEM_TYPE_LABELS } from "../modules/assessment/rules/report-content"
import type { AssessmentItemRow } from "../modules/assessment/service"
import { signedInDoctor } from "./consultation-request"

export const assessmentsOf = (req: AuthenticatedMedusaRequest) =>
  req.scope.resolve<AssessmentModuleService>(ASSESSMENT_MODULE)

/** The member's own assessment; another member's is 404. */
export async function memberAssessment(req: AuthenticatedMedusaRequest) {
  const assessments = assessmentsOf(req)
  const assessment = await assessments.ownedAssessment(req.params.id, req.auth_context.actor_id)
  return { assessments, assessment }
}

/** The signed-in expert's assessment while the member's consent stands (else 403 / 404). */
export async function expertAssessment(req: AuthenticatedMedusaRequest) {
  const { consultations, doctor } = await signedInDoctor(req)
  const assessments = assessmentsOf(req)
  const assessment = await assessments.expertAssessment(req.params.id, doctor.id, new Date())
  return { consultations, doctor, assessments, assessment }
}

/** An item as either side lists it, with its label and where the reader opens it. */
export function presentItem(
  assessments: AssessmentModuleService,
  row: AssessmentItemRow,
  url: string | null
) {
  return { ...assessments.itemView(row), label: ITEM_TYPE_LABELS[row.item_type], url }
}

/** The action every expert read is logged under in the member's archive access log. */
export const EXPERT_READ_ACTION = "assessment_expert_view"
