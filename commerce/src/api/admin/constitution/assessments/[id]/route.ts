import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CONSTITUTION_MODULE } from "../../../../../modules/constitution"
import type ConstitutionModuleService from "../../../../../modules/constitution/service"
import { archiveRequest, notFound } from "../../../../health-archive-request"
import { assessedMembers } from "../../assessed-members"
import { staffReview } from "../../staff-review"

/** One result for an expert: scores, verdicts, the answers, and the report so far (logged). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  const { log } = archiveRequest(req)
  const assessment = await constitution.constitutionAssessment(req.params.id)
  if (!assessment) throw notFound("体质辨识结果")
  await log(assessment.customer_id, "view", "assessment", assessment.id)
  const review = (await constitution.reviewsOfAssessments([assessment.id])).get(assessment.id)
  const versions = review
    ? (await constitution.reviewVersions([review.id])).get(review.id)
    : undefined
  const members = await assessedMembers(req.scope, [assessment])
  res.json({
    assessment: {
      id: assessment.id,
      created_at: assessment.created_at.toISOString(),
      item_version: assessment.item_version,
      customer: members.get(assessment.id),
      sex: assessment.sex,
      scores: assessment.scores,
      verdicts: assessment.verdicts,
      primary: assessment.primary,
      answers: assessment.answers,
      review_status: review?.status ?? "pending",
      review: review ? staffReview(review, versions) : null,
    },
  })
}
