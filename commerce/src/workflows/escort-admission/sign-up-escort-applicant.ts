import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"

/**
 * The escort of a phone number for the admission app: the existing one whatever its status
 * (a suspended escort renews papers here), else a new `applicant` with no name or city yet.
 */
const escortForApplicantStep = createStep(
  "escort-for-applicant",
  async (input: { phone: string }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const existing = await escorts.escortByPhone(input.phone)
    if (existing) return new StepResponse(existing.id, null)
    const created = await escorts.createEscorts({
      phone: input.phone,
      name: "",
      city: "",
      status: "applicant",
    })
    return new StepResponse(created.id, created.id)
  },
  async (createdId, { container }) => {
    if (createdId)
      await container.resolve<EscortModuleService>(ESCORT_MODULE).deleteEscorts(createdId)
  }
)

export const signUpEscortApplicantWorkflow = createWorkflow(
  "sign-up-escort-applicant",
  (input: { phone: string }) => new WorkflowResponse(escortForApplicantStep(input))
)
