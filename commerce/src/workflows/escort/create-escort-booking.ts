import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortActor, NewEscortBooking } from "../../modules/escort/types"

const createEscortBookingStep = createStep(
  "create-escort-booking",
  async (input: { booking: NewEscortBooking; actor: EscortActor }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const created = await escorts.createBooking(input.booking, input.actor)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<EscortModuleService>(ESCORT_MODULE).softDeleteEscortBookings(id)
  }
)

/** A member books an escort; the booking waits for payment (待支付). */
export const createEscortBookingWorkflow = createWorkflow(
  "create-escort-booking",
  (input: { booking: NewEscortBooking; actor: EscortActor }) =>
    new WorkflowResponse(createEscortBookingStep(input))
)
