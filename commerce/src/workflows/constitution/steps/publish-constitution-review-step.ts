import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { HEALTH_ARCHIVE_MODULE } from "../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../modules/health-archive/service"

/** Publishes the draft to the member; undone by taking it back to draft. */
export const publishConstitutionReviewStep = createStep(
  "publish-constitution-review",
  async ({ assessment_id }: { assessment_id: string }, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const review = await archive.publishConstitutionReview(assessment_id)
    return new StepResponse(review, review.id)
  },
  async (reviewId, { container }) => {
    if (!reviewId) return
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    await archive.unpublishConstitutionReview(reviewId)
  }
)
