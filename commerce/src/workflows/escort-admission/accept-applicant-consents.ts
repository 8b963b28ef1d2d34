import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import {
  APPLICANT_CONSENT_DOCUMENTS,
  type ApplicantConsentAcceptance,
} from "../../modules/escort-admission/rules/applicant-consent-kinds"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import { checkConsentVersionsStep } from "../steps/check-consent-versions-step"

type Input = { escort_id: string; consents: ApplicantConsentAcceptance[] }

const recordApplicantConsentsStep = createStep(
  "record-applicant-consents",
  async (input: Input, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    return new StepResponse(
      await admission.acceptApplicantConsents(input.escort_id, input.consents, new Date())
    )
  }
)

/**
 * The applicant accepts the privacy policy and the two consents at the versions shown, which
 * must be the versions the CMS publishes now; only then may they fill in their details.
 */
export const acceptApplicantConsentsWorkflow = createWorkflow(
  "accept-applicant-consents",
  (input: Input) => {
    checkConsentVersionsStep(
      transform({ input }, ({ input }) => ({
        documents: APPLICANT_CONSENT_DOCUMENTS,
        consents: input.consents,
      }))
    )
    return new WorkflowResponse(recordApplicantConsentsStep(input))
  }
)
