import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"

type Input = { application_id: string; escort_id: string; reason: string }

/** approved → suspended, once: false when another run (or staff) got there first. */
const suspendApplicationStep = createStep(
  "suspend-escort-application",
  async (input: Input, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    const suspended = await admission.suspend(input.application_id, input.reason)
    return new StepResponse(suspended, suspended ? input.application_id : null)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
        .updateEscortApplications({
          id,
          status: "approved",
          suspended_at: null,
          suspension_reason: null,
        })
    }
  }
)

/** The escort stops receiving offers and cannot grab or move tasks (escortRequest refuses). */
const suspendEscortStep = createStep(
  "suspend-escort",
  async (input: Input & { suspended: boolean }, { container }) => {
    if (!input.suspended) return new StepResponse(false, null)
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const [before] = await escorts.listEscorts({ id: input.escort_id }, { take: 1 })
    await escorts.updateEscorts({ id: input.escort_id, status: "suspended" })
    return new StepResponse(true, { id: input.escort_id, status: before.status })
  },
  async (before, { container }) => {
    if (before) await container.resolve<EscortModuleService>(ESCORT_MODULE).updateEscorts(before)
  }
)

/** A required certificate lapsed: the application and the escort are suspended together. */
export const suspendLapsedEscortWorkflow = createWorkflow(
  "suspend-lapsed-escort",
  (input: Input) => {
    const suspended = suspendApplicationStep(input)
    const escort = transform({ input, suspended }, ({ input, suspended }) => ({
      ...input,
      suspended,
    }))
    return new WorkflowResponse(suspendEscortStep(escort))
  }
)
