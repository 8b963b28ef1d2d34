import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"

type Input = { escort_id: string; consent_id: string }

const withdrawApplicantConsentStep = createStep(
  "withdraw-applicant-consent",
  async (input: Input, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    return new StepResponse(
      await admission.withdrawApplicantConsent(input.escort_id, input.consent_id, new Date())
    )
  }
)

/**
 * The escort withdraws a consent (个人信息保护法 art. 15). What was processed before stays
 * lawful; from now on details are not saved, verified or sent for review until they accept
 * again (requireApplicantConsentsStep).
 */
export const withdrawApplicantConsentWorkflow = createWorkflow(
  "withdraw-applicant-consent",
  (input: Input) => new WorkflowResponse(withdrawApplicantConsentStep(input))
)
