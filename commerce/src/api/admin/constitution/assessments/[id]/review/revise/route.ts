import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviseConstitutionReviewWorkflow } from "../../../../../../../workflows/constitution/revise-constitution-review"
import { answeringConflicts } from "../../../../../../conflict-response"
import { CONSTITUTION_MODULE } from "../../../../../../../modules/constitution"
import type ConstitutionModuleService from "../../../../../../../modules/constitution/service"
import { staffReview } from "../../../../staff-review"
import type { ReviseReviewBodyType } from "../../../../validators"

/**
 * 修订: publishes a corrected 养生评估报告 as its next version with a 修订说明; earlier
 * versions stay on record and the member is told. Editing an outdated version is a 409.
 */
export async function POST(
  req: AuthenticatedMedusaRequest<ReviseReviewBodyType>,
  res: MedusaResponse
) {
  const constitution = req.scope.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
  await answeringConflicts(res, async () => {
    const { result } = await reviseConstitutionReviewWorkflow(req.scope).run({
      input: {
        assessment_id: req.params.id,
        staff_id: req.auth_context.actor_id,
        sections: req.validatedBody.sections,
        reason: req.validatedBody.reason,
        base_revision: req.validatedBody.base_revision ?? null,
      },
    })
    const { review, version, replayed } = result
    const versions = (await constitution.reviewVersions([review.id])).get(review.id)
    res.locals.audit = {
      action: "constitution_review.revise",
      details: { review_id: review.id, revision: version.revision, replayed },
    }
    res.json({ review: staffReview(review, versions) })
  })
}
