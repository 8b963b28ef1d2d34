import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import { requireApplicantConsentsStep } from "./steps/require-applicant-consents-step"

const submitEscortApplicationStep = createStep(
  "submit-escort-application",
  async (input: { application_id: string }, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    return new StepResponse(await admission.submit(input.application_id))
  }
)

/** The applicant sends the application to staff for review (待审核). */
export const submitEscortApplicationWorkflow = createWorkflow(
  "submit-escort-application",
  (input: { application_id: string; escort_id: string }) => {
    requireApplicantConsentsStep(input)
    return new WorkflowResponse(submitEscortApplicationStep(input))
  }
)
