import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CONSTITUTION_MODULE } from "../../../modules/constitution"
import type ConstitutionModuleService from "../../../modules/constitution/service"
import type { ReviewSections } from "../../../modules/constitution/types"

export type ReviseConstitutionReviewStepInput = {
  assessment_id: string
  author_id: string
  expert_name: string | null
  sections: ReviewSections
  reason: string
  base_revision?: number | null
}

/** Publishes the expert's 修订 as the report's next version; undone by taking it back. */
export const reviseConstitutionReviewStep = createStep(
  "revise-constitution-review",
  async (input: ReviseConstitutionReviewStepInput, { container }) => {
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    const { review, version, previous, replayed } =
      await constitution.reviseConstitutionReview(input)
    // A repeated request changed nothing, so there is nothing to undo.
    const undo = replayed ? null : { previous, revision: version.revision }
    return new StepResponse({ review, version, replayed }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const constitution = container.resolve<ConstitutionModuleService>(CONSTITUTION_MODULE)
    await constitution.undoConstitutionReviewRevision(undo.previous, undo.revision)
  }
)
