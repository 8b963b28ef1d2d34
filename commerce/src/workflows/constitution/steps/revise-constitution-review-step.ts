import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { HEALTH_ARCHIVE_MODULE } from "../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../modules/health-archive/service"
import type { ReviewSections } from "../../../modules/health-archive/types"

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
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    const { review, version, previous, replayed } = await archive.reviseConstitutionReview(input)
    // A repeated request changed nothing, so there is nothing to undo.
    const undo = replayed ? null : { previous, revision: version.revision }
    return new StepResponse({ review, version, replayed }, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const archive = container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
    await archive.undoConstitutionReviewRevision(undo.previous, undo.revision)
  }
)
