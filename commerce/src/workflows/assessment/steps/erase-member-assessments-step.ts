import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ASSESSMENT_MODULE } from "../../../modules/assessment"
import type AssessmentModuleService from "../../../modules/assessment/service"

/**
 * Deletes a member's 检测评估 (the grants, their items and every report version) as part of
 * erasing their health archive. Irreversible by design, so it has no compensation.
 */
export const eraseMemberAssessmentsStep = createStep(
  "erase-member-archive-assessments",
  async ({ customer_id }: { customer_id: string }, { container }) => {
    const assessments = container.resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
    return new StepResponse(await assessments.eraseDataOf(customer_id))
  }
)
