import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESCORT_ADMISSION_MODULE } from "../../../modules/escort-admission"
import { applicantConsentsMissingMessage } from "../../../modules/escort-admission/rules/applicant-consent-kinds"
import type EscortAdmissionModuleService from "../../../modules/escort-admission/service"

/**
 * Details are collected, verified and sent for review only while the applicant's consents are
 * in force: none given, or one withdrawn, is a 409 naming what to accept first.
 */
export const requireApplicantConsentsStep = createStep(
  "require-applicant-consents",
  async (input: { escort_id: string }, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    const inForce = (await admission.applicantConsents(input.escort_id)).filter(
      (consent) => !consent.withdrawn_at
    )
    const missing = applicantConsentsMissingMessage(inForce)
    if (missing) throw new MedusaError(MedusaError.Types.CONFLICT, missing)
    return new StepResponse(null)
  }
)
