import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DOMAIN_EVENT_OPTIONS, DomainEvent } from "../../lib/events/domain-events"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import {
  progressFrom,
  type EscortProgressStep,
} from "../../modules/escort/rules/escort-booking-status"
import { publishEscortBookingChangeStep } from "./publish-escort-booking-change"
import { checkEscortTaskPhotosStep } from "./steps/check-escort-task-photos-step"

type Input = {
  booking_id: string
  escort_id: string
  status: EscortProgressStep
  note?: string | null
  location?: unknown
  /** A photo of the step: an upload of this task (POST /escort/tasks/:id/messages/images). */
  photo_upload_id?: string | null
}

const progressEscortTaskStep = createStep(
  "progress-escort-task",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const task = await escorts.progressTask(input.booking_id, input.escort_id, input.status, {
      note: input.note,
      location: input.location,
      photo_upload_ids: input.photo_upload_id ? [input.photo_upload_id] : [],
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
  checkEscortTaskPhotosStep(
    transform({ input }, ({ input }) => ({
      booking_id: input.booking_id,
      escort_id: input.escort_id,
      photo_upload_ids: input.photo_upload_id ? [input.photo_upload_id] : [],
    }))
  )
  const task = progressEscortTaskStep(input)
  publishEscortBookingChangeStep(input.booking_id)
  // 服务完成 starts the escort's income (subscribers/escort-booking-completed-earning.ts).
  when("escort-booking-completed", { input }, ({ input }) => input.status === "completed").then(
    () => {
      emitEventStep({
        eventName: DomainEvent.ESCORT_BOOKING_COMPLETED,
        options: DOMAIN_EVENT_OPTIONS,
        data: transform({ input }, ({ input }) => ({ id: input.booking_id })),
      })
    }
  )
  return new WorkflowResponse(task)
})
