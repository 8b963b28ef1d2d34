import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { publishEscortBookingChangeStep } from "./publish-escort-booking-change"
import { checkEscortTaskPhotosStep } from "./steps/check-escort-task-photos-step"

type Input = {
  booking_id: string
  escort_id: string
  step: string
  note?: string | null
  location?: unknown
  /** Photos of the step: uploads of this task (POST /escort/tasks/:id/messages/images). */
  photo_upload_ids?: string[]
}

const recordEscortSopStepStep = createStep(
  "record-escort-sop-step",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const event = await escorts.recordSopStep(input.booking_id, input.escort_id, input.step, {
      note: input.note,
      location: input.location,
      photo_upload_ids: input.photo_upload_ids,
    })
    return new StepResponse(event, event.id)
  },
  async (eventId, { container }) => {
    if (eventId) {
      await container
        .resolve<EscortModuleService>(ESCORT_MODULE)
        .softDeleteEscortBookingEvents(eventId)
    }
  }
)

/**
 * The assigned escort records an SOP step (挂号, 候诊 …) done during 陪同就医: it goes on the
 * timeline under 陪同就医 and the member's open timeline hears of it at once.
 */
export const recordEscortSopStepWorkflow = createWorkflow(
  "record-escort-sop-step",
  (input: Input) => {
    checkEscortTaskPhotosStep(
      transform({ input }, ({ input }) => ({
        booking_id: input.booking_id,
        escort_id: input.escort_id,
        photo_upload_ids: input.photo_upload_ids ?? [],
      }))
    )
    const event = recordEscortSopStepStep(input)
    publishEscortBookingChangeStep(input.booking_id)
    return new WorkflowResponse(event)
  }
)
