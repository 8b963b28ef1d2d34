import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ReviewSections } from "../../modules/constitution/types"
import { resolveExpertNameStep } from "./steps/resolve-expert-name-step"
import { saveConstitutionReviewDraftStep } from "./steps/save-constitution-review-draft-step"

export type SaveConstitutionReviewInput = {
  assessment_id: string
  staff_id: string
  sections: ReviewSections
}

/** An expert saves a 养生评估报告 as a draft the member does not see yet. */
export const saveConstitutionReviewWorkflow = createWorkflow(
  "save-constitution-review",
  (input: SaveConstitutionReviewInput) => {
    const expertName = resolveExpertNameStep({ user_id: input.staff_id })
    const draft = transform({ input, expertName }, ({ input, expertName }) => ({
      assessment_id: input.assessment_id,
      author_id: input.staff_id,
      expert_name: expertName,
      sections: input.sections,
    }))
    return new WorkflowResponse(saveConstitutionReviewDraftStep(draft))
  }
)
