import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { archiveRequest, notFound } from "../../../../health-archive-request"
import { assessedMembers, unknownMember } from "../../assessed-members"
import { staffReview } from "../../staff-review"

/** One result for an expert: scores, verdicts, the answers, and the report so far (logged). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, log } = archiveRequest(req)
  const assessment = await archive.constitutionAssessment(req.params.id)
  if (!assessment) throw notFound("体质辨识结果")
  await log(assessment.customer_id, "view", "assessment", assessment.id)
  const review = (await archive.reviewsOfAssessments([assessment.id])).get(assessment.id)
  const versions = review ? (await archive.reviewVersions([review.id])).get(review.id) : undefined
  const members = await assessedMembers(req.scope, [assessment.customer_id])
  res.json({
    assessment: {
      id: assessment.id,
      created_at: assessment.created_at.toISOString(),
      item_version: assessment.item_version,
      customer: members.get(assessment.customer_id) ?? unknownMember(assessment.customer_id),
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
