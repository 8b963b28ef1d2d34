import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publishConstitutionReviewWorkflow } from "../../../../../../../workflows/constitution/publish-constitution-review"
import { staffReview } from "../../../../staff-review"
import type { PublishReviewBodyType } from "../../../../validators"

/** Publishes the 养生评估报告 to the member, who is notified; a published report is final. */
export async function POST(
  req: AuthenticatedMedusaRequest<PublishReviewBodyType>,
  res: MedusaResponse
) {
  const { result } = await publishConstitutionReviewWorkflow(req.scope).run({
    input: {
      assessment_id: req.params.id,
      staff_id: req.auth_context.actor_id,
      sections: req.validatedBody.sections,
    },
  })
  res.locals.audit = { action: "constitution_review.publish", details: { review_id: result.id } }
  res.json({ review: staffReview(result) })
}
