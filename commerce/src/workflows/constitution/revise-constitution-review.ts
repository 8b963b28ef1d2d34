import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  DomainEvent,
  DOMAIN_EVENT_OPTIONS,
  type ConstitutionReviewPublishedEvent,
} from "../../lib/events/domain-events"
import type { ReviewSections } from "../../modules/constitution/types"
import { resolveExpertNameStep } from "./steps/resolve-expert-name-step"
import { reviseConstitutionReviewStep } from "./steps/revise-constitution-review-step"

export type ReviseConstitutionReviewInput = {
  assessment_id: string
  staff_id: string
  sections: ReviewSections
  /** The 修订说明 the member reads with the new version. */
  reason: string
  /** The version the expert edited; a newer one on the server is a conflict. */
  base_revision?: number | null
}

/**
 * An expert corrects a published 养生评估报告: the new text is the report's next version,
 * the versions the member already read stay on record, and the member is told in the
 * inbox that it was updated (once per version).
 */
export const reviseConstitutionReviewWorkflow = createWorkflow(
  "revise-constitution-review",
  (input: ReviseConstitutionReviewInput) => {
    const expertName = resolveExpertNameStep({ user_id: input.staff_id })
    const revision = transform({ input, expertName }, ({ input, expertName }) => ({
      assessment_id: input.assessment_id,
      author_id: input.staff_id,
      expert_name: expertName,
      sections: input.sections,
      reason: input.reason,
      base_revision: input.base_revision ?? null,
    }))
    const revised = reviseConstitutionReviewStep(revision)
    // A repeated request emits again with the same ids; the notices keep one per version.
    const notice = transform(
      { revised },
      ({ revised }): ConstitutionReviewPublishedEvent => ({
        review_id: revised.review.id,
        assessment_id: revised.review.assessment_id,
        revision: revised.version.revision,
      })
    )
    emitEventStep({
      eventName: DomainEvent.CONSTITUTION_REVIEW_PUBLISHED,
      options: DOMAIN_EVENT_OPTIONS,
      data: notice,
    })
    return new WorkflowResponse(revised)
  }
)
