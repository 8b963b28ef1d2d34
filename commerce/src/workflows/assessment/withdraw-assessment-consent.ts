import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ASSESSMENT_MODULE } from "../../modules/assessment"
import type AssessmentModuleService from "../../modules/assessment/service"
import { HEALTH_ARCHIVE_MODULE } from "../../modules/health-archive"
import type HealthArchiveModuleService from "../../modules/health-archive/service"

type Input = { assessment_id: string; customer_id: string }

const withdrawStep = createStep(
  "withdraw-assessment-consent",
  async (input: Input, { container }) => {
    const assessments = container.resolve<AssessmentModuleService>(ASSESSMENT_MODULE)
    const row = await assessments.withdrawConsent(input.assessment_id, input.customer_id)
    await container.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE).logAccess({
      owner_id: input.customer_id,
      actor_type: "customer",
      actor_id: input.customer_id,
      action: "withdraw_assessment_consent",
      resource_type: "assessment",
      resource_id: row.id,
    })
    return new StepResponse(row)
  }
)

/**
 * The member withdraws the consent: from now on the expert is refused every item and cannot
 * publish. Published versions stay the member's. Withdrawing twice changes nothing.
 */
export const withdrawAssessmentConsentWorkflow = createWorkflow(
  "withdraw-assessment-consent",
  (input: Input) => new WorkflowResponse(withdrawStep(input))
)
