import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { HEALTH_ARCHIVE_MODULE } from "../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../modules/health-archive/service"
import type { ReviewSections } from "../../../modules/health-archive/types"

export type SaveConstitutionReviewDraftStepInput = {
  assessment_id: string
  author_id: string
  expert_name: string | null
  sections: ReviewSections
}

/** Writes the expert's draft; undone by putting back what it replaced. */
export const saveConstitutionReviewDraftStep = createStep(
  "save-constitution-review-draft",
  async (input: SaveConstitutionReviewDraftStepInput, { container }) => {
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const { review, previous } = await archive.saveConstitutionReviewDraft(input)
    return new StepResponse(review, { id: review.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    await archive.restoreConstitutionReview(undo.id, undo.previous)
  }
)
