import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import { scheduleRefusal } from "../../modules/escort-dispatch/rules/schedule"
import { acceptEscortTaskWorkflow } from "../escort/accept-escort-task"
import { checkEscortTrainingStep } from "../escort-training/check-escort-training"

type Input = { booking_id: string; escort: { id: string; city: string } }

/** The task must fit the escort's schedule (days, hours, days off); 409 otherwise. */
export const checkEscortScheduleStep = createStep(
  "check-escort-schedule",
  async (input: { booking_id: string; escort_id: string }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const booking = await escorts.ownedBooking(input.booking_id)
    const refusal = scheduleRefusal(await dispatch.scheduleOf(input.escort_id), {
      date: booking.service_date,
      start_time: booking.start_time,
      end_time: booking.end_time,
    })
    if (refusal) throw new MedusaError(MedusaError.Types.CONFLICT, refusal)
    return new StepResponse(booking.city)
  }
)

/**
 * In an auto-dispatch city only the escort holding the live offer may accept, before its
 * deadline; claiming the offer is conditional, so accept and expiry settle it once.
 */
const claimOfferStep = createStep(
  "claim-dispatch-offer",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const booking = await escorts.ownedBooking(input.booking_id)
    if (booking.city !== input.escort.city) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该任务")
    }
    const { mode } = await dispatch.settingFor(booking.city)
    if (mode !== "auto") return new StepResponse(null, null)
    const offer = await dispatch.claimOffer(input.booking_id, input.escort.id, new Date())
    return new StepResponse(offer.id, offer.id)
  },
  async (offerId, { container }) => {
    if (offerId) {
      await container
        .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
        .unclaimOffer(offerId)
    }
  }
)

/**
 * POST /escort/tasks/:id/accept: required training, then the schedule, then (auto cities) the offer, then the
 * escort module's atomic accept, which refuses overlapping tasks under the escort's lock.
 */
export const acceptDispatchedTaskWorkflow = createWorkflow(
  "accept-dispatched-task",
  (input: Input) => {
    // Required training first: an untrained escort is told so before anything else.
    checkEscortTrainingStep({ escort_id: input.escort.id })
    checkEscortScheduleStep({ booking_id: input.booking_id, escort_id: input.escort.id })
    claimOfferStep(input)
    const task = acceptEscortTaskWorkflow.runAsStep({ input })
    return new WorkflowResponse(task)
  }
)
