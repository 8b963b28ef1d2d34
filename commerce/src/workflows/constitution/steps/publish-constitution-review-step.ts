import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSTITUTION_MODULE } from "../../../modules/constitution"
import type ConstitutionModuleService from "../../../modules/constitution/service"

/** Publishes the draft to the member; undone by taking it back to draft. */
export const publishConstitutionReviewStep = createStep(
  "publish-constitution-review",
  async ({ assessment_id }: { assessment_id: string }, { container }) => {
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    const review = await constitution.publishConstitutionReview(assessment_id)
    return new StepResponse(review, review.id)
  },
  async (reviewId, { container }) => {
    if (!reviewId) return
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    await constitution.unpublishConstitutionReview(reviewId)
  }
)
