import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSTITUTION_MODULE } from "../../../modules/constitution"
import type ConstitutionModuleService from "../../../modules/constitution/service"
import type { ReviewSections } from "../../../modules/constitution/types"

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
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    const { review, previous } = await constitution.saveConstitutionReviewDraft(input)
    return new StepResponse(review, { id: review.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    await constitution.restoreConstitutionReview(undo.id, undo.previous)
  }
)
