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
import { escortBookingLockKey } from "./escort-booking-lock"
import { publishEscortBookingChangeStep } from "./publish-escort-booking-change"

type Input = { booking_id: string; staff_id: string }

const recordPaymentStep = createStep(
  "record-escort-payment-by-staff",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const row = await escorts.markPaid(input.booking_id, {
      actor_type: "staff",
      actor_id: input.staff_id,
    })
    return new StepResponse(row)
  }
)

/**
 * Operations record a payment taken outside the checkout (待支付 → 待接单, once), under
 * the lock paying and cancelling share. Like an online payment it announces the booking
 * to dispatch, and the member's open timeline shows it at once.
 */
export const recordEscortPaymentByStaffWorkflow = createWorkflow(
  "record-escort-payment-by-staff",
  (input: Input) => {
    const key = transform({ input }, ({ input }) => escortBookingLockKey(input.booking_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const row = recordPaymentStep(input)
    releaseLockStep({ key })
    emitEventStep({
      eventName: DomainEvent.ESCORT_BOOKING_AWAITING_ESCORT,
      options: DOMAIN_EVENT_OPTIONS,
      data: transform({ input }, ({ input }) => ({ id: input.booking_id })),
    })
    publishEscortBookingChangeStep(input.booking_id)
    return new WorkflowResponse(row)
  }
)
