import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_ADMISSION_MODULE } from "../../modules/escort-admission"
import type EscortAdmissionModuleService from "../../modules/escort-admission/service"
import { beijingDate } from "../../modules/escort-admission/rules/beijing-date"
import type { EscortApplicationRow } from "../../modules/escort-admission/types"

type Input = { application_id: string; now?: Date }

/** Approves the application when every requirement is met (409 naming the rest otherwise). */
const approveEscortApplicationStep = createStep(
  "approve-escort-application",
  async (input: Input, { container }) => {
    const admission = container.resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
    const before = await admission.application(input.application_id)
    const approved = await admission.approve(
      input.application_id,
      beijingDate(input.now ? new Date(input.now) : new Date())
    )
    return new StepResponse(approved, { id: before.id, status: before.status })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container
      .resolve<EscortAdmissionModuleService>(ESCORT_ADMISSION_MODULE)
      .updateEscortApplications({ id: previous.id, status: previous.status })
  }
)

/** The escort becomes active, named and placed as the approved application says. */
const activateEscortStep = createStep(
  "activate-escort",
  async (application: EscortApplicationRow, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const [before] = await escorts.listEscorts({ id: application.escort_id }, { take: 1 })
    await escorts.updateEscorts({
      id: application.escort_id,
      status: "active",
      name: application.real_name ?? before.name,
      city: application.city ?? before.city,
      base_location: application.base_location ?? before.base_location,
    })
    return new StepResponse(application, {
      id: before.id,
      status: before.status,
      name: before.name,
      city: before.city,
      base_location: before.base_location,
    })
  },
  async (before, { container }) => {
    if (before) await container.resolve<EscortModuleService>(ESCORT_MODULE).updateEscorts(before)
  }
)

/** 陪诊员审核 done: staff activate an applicant (or a suspended escort whose papers are renewed). */
export const activateEscortWorkflow = createWorkflow("activate-escort", (input: Input) => {
  const approved = approveEscortApplicationStep(input)
  return new WorkflowResponse(activateEscortStep(approved))
})
