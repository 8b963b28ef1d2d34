import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type ConstitutionReviewPublishedEvent,
} from "../../lib/events/domain-events"
import type { ReviewSections } from "../../modules/constitution/types"
import { publishConstitutionReviewStep } from "./steps/publish-constitution-review-step"
import { resolveExpertNameStep } from "./steps/resolve-expert-name-step"
import { saveConstitutionReviewDraftStep } from "./steps/save-constitution-review-draft-step"

export type PublishConstitutionReviewInput = {
  assessment_id: string
  staff_id: string
  /** The text as the expert last edited it; without it the saved draft is published. */
  sections?: ReviewSections
}

/**
 * An expert publishes a 养生评估报告: it joins the member's health archive (sealed like the
 * result) and the member is told in the inbox, and by SMS where a template is configured.
 */
export const publishConstitutionReviewWorkflow = createWorkflow(
  "publish-constitution-review",
  (input: PublishConstitutionReviewInput) => {
    when({ input }, ({ input }) => !!input.sections).then(() => {
      const expertName = resolveExpertNameStep({ user_id: input.staff_id })
      const draft = transform({ input, expertName }, ({ input, expertName }) => ({
        assessment_id: input.assessment_id,
        author_id: input.staff_id,
        expert_name: expertName,
        sections: input.sections as ReviewSections,
      }))
      saveConstitutionReviewDraftStep(draft)
    })
    const review = publishConstitutionReviewStep({ assessment_id: input.assessment_id })
    const notice = transform(
      { review },
      ({ review }): ConstitutionReviewPublishedEvent => ({
        review_id: review.id,
        assessment_id: review.assessment_id,
      })
    )
    emitEventStep({
      eventName: DomainEvent.CONSTITUTION_REVIEW_PUBLISHED,
      options: DOMAIN_EVENT_OPTIONS,
      data: notice,
    })
    return new WorkflowResponse(review)
  }
)
