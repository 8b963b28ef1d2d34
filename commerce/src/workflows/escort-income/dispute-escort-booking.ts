import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { DOMAIN_EVENT_OPTIONS, DomainEvent } from "../../lib/events/domain-events"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { escortBookingLockKey } from "../escort/escort-booking-lock"
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"
import { DISPUTE_OPENED, recordDisputeEventStep } from "./record-dispute-event"
import { recordEscortEarningStep } from "./record-escort-earning"

export type DisputeEscortBookingInput = { booking_id: string; customer_id: string; reason: string }

/** Only the member's own booking, and only once the service is done. */
const checkDisputableStep = createStep(
  "check-escort-booking-disputable",
  async (input: DisputeEscortBookingInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const booking = await escorts.ownedBooking(input.booking_id, input.customer_id)
    if (!["completed", "confirmed", "reviewed"].includes(booking.status)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "服务完成后才能申诉")
    }
    return new StepResponse(booking.id)
  }
)

const openEscortDisputeStep = createStep(
  "open-escort-dispute",
  async (input: DisputeEscortBookingInput, { container }) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    const dispute = await income.openDispute(input)
    return new StepResponse(dispute)
  }
)

/**
 * A member disputes a finished service (POST /store/escort-bookings/:id/dispute) before its
 * income was released: the escort's earning freezes until operations resolve the dispute,
 * and the booking's timeline shows the dispute (申诉中) to the member at once.
 */
export const disputeEscortBookingWorkflow = createWorkflow(
  "dispute-escort-booking",
  (input: DisputeEscortBookingInput) => {
    const key = transform({ input }, ({ input }) => escortBookingLockKey(input.booking_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const bookingId = checkDisputableStep(input)
    recordEscortEarningStep(bookingId)
    const dispute = openEscortDisputeStep(input)
    recordDisputeEventStep(
      transform({ input }, ({ input }) => ({
        booking_id: input.booking_id,
        status: DISPUTE_OPENED as typeof DISPUTE_OPENED,
        actor_type: "customer" as const,
        actor_id: input.customer_id,
        note: `会员提交申诉：${input.reason}`,
      }))
    )
    releaseLockStep({ key })
    publishEscortBookingChangeStep(input.booking_id)
    // Operations' case desk (事件与理赔) opens a case for it.
    emitEventStep({
      eventName: DomainEvent.ESCORT_DISPUTE_OPENED,
      options: DOMAIN_EVENT_OPTIONS,
      data: transform({ dispute }, ({ dispute }) => ({ id: dispute.id })),
    })
    return new WorkflowResponse(dispute)
  }
)
