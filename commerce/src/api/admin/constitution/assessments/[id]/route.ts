import { itemsForSex } from "@health/contracts"
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
  // Each answer reads with its question as worded in the version answered, not today's.
  const questionnaire = await constitution.questionnaireVersion(assessment.questionnaire_version)
  const questions = itemsForSex(questionnaire?.items ?? [], assessment.sex).map((item) => ({
    code: item.code,
    text: (assessment.sex === "female" ? item.text_female : item.text_male) || item.text,
  }))
  res.json({
    assessment: {
      id: assessment.id,
      created_at: assessment.created_at.toISOString(),
      questionnaire_version: assessment.questionnaire_version,
      item_version: assessment.item_version,
      questions,
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
