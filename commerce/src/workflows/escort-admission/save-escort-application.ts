import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import type { ApplicationFields } from "../../modules/escort-admission/types"
import { requireApplicantConsentsStep } from "./steps/require-applicant-consents-step"

type Input = { escort_id: string; fields: ApplicationFields }

const saveEscortApplicationStep = createStep(
  "save-escort-application",
  async (input: Input, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    return new StepResponse(await admission.saveApplication(input.escort_id, input.fields))
  }
)

/** The applicant fills in (or corrects) who they are, where they work and what they do. */
export const saveEscortApplicationWorkflow = createWorkflow(
  "save-escort-application",
  (input: Input) => {
    requireApplicantConsentsStep(input)
    return new WorkflowResponse(saveEscortApplicationStep(input))
  }
)
