import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
  transform,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { DOMAIN_EVENT_OPTIONS, DomainEvent } from "../../lib/events/domain-events"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { publishEscortBookingChangeStep } from "./publish-escort-booking-change"

type Input = { booking_id: string; escort: { id: string; city: string } }

const acceptEscortTaskStep = createStep(
  "accept-escort-task",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const task = await escorts.acceptTask(input.booking_id, input.escort)
    return new StepResponse(task, input)
  },
  async (taken, { container }) => {
    if (taken) {
      await container
        .resolve<EscortModuleService>(ESCORT_MODULE)
        .releaseTask(taken.booking_id, taken.escort.id)
    }
  }
)

/** Grab mode (抢单): the escort takes an open task, or is refused when another was first. */
export const acceptEscortTaskWorkflow = createWorkflow("accept-escort-task", (input: Input) => {
  const task = acceptEscortTaskStep(input)
  publishEscortBookingChangeStep(input.booking_id)
  // The member's notices (the official account's template message) start from this.
  emitEventStep({
    eventName: DomainEvent.ESCORT_BOOKING_ACCEPTED,
    options: DOMAIN_EVENT_OPTIONS,
    data: transform({ input }, ({ input }) => ({ id: input.booking_id })),
  })
  return new WorkflowResponse(task)
})
