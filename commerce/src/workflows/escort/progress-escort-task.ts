import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import {
  progressFrom,
  type EscortProgressStep,
} from "../../modules/escort/rules/escort-booking-status"
import { publishEscortBookingChangeStep } from "./publish-escort-booking-change"

type Input = {
  booking_id: string
  escort_id: string
  status: EscortProgressStep
  note?: string | null
  location?: unknown
}

const progressEscortTaskStep = createStep(
  "progress-escort-task",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const task = await escorts.progressTask(input.booking_id, input.escort_id, input.status, {
      note: input.note,
      location: input.location,
    })
    return new StepResponse(task, input)
  },
  async (moved, { container }) => {
    if (moved) {
      await container
        .resolve<EscortModuleService>(ESCORT_MODULE)
        .stepBack(moved.booking_id, moved.status, progressFrom(moved.status))
    }
  }
)

/** The assigned escort moves the service one step on (已出发 … 服务完成). */
export const progressEscortTaskWorkflow = createWorkflow("progress-escort-task", (input: Input) => {
  const task = progressEscortTaskStep(input)
  publishEscortBookingChangeStep(input.booking_id)
  return new WorkflowResponse(task)
})
