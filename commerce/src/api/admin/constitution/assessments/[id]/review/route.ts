import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { saveConstitutionReviewWorkflow } from "../../../../../../workflows/constitution/save-constitution-review"
import { staffReview } from "../../../staff-review"
import type { SaveReviewBodyType } from "../../../validators"

/** Saves the expert's 养生评估报告 as a draft (the member sees nothing yet). */
export async function POST(
  req: AuthenticatedMedusaRequest<SaveReviewBodyType>,
  res: MedusaResponse
) {
  const { result } = await saveConstitutionReviewWorkflow(req.scope).run({
    input: {
      assessment_id: req.params.id,
      staff_id: req.auth_context.actor_id,
      sections: req.validatedBody.sections,
    },
  })
  res.locals.audit = { action: "constitution_review.save_draft", details: { review_id: result.id } }
  res.json({ review: staffReview(result) })
}
