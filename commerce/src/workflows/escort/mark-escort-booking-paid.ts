import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
  when,
} from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  cancelOrderWorkflow,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { DOMAIN_EVENT_OPTIONS, DomainEvent } from "../../lib/events/domain-events"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { escortBookingLockKey } from "./escort-booking-lock"

type Outcome = {
  booking_id: string | null
  /** The booking moved 待支付 → 待接单 now (not a replay). */
  moved: boolean
  /** The booking was cancelled (expired) before the payment came: its order is refunded. */
  refund_order: boolean
}

const markBookingPaidStep = createStep(
  "mark-escort-booking-paid",
  async (input: { order_id: string; booking_id: string }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const { moved, booking } = await escorts.markPaidByOrder(input.booking_id, input.order_id)
    const late = !moved && booking.order_id !== input.order_id && booking.status === "cancelled"
    return new StepResponse<Outcome>({ booking_id: booking.id, moved, refund_order: late })
  }
)

const recordLateRefundStep = createStep(
  "record-escort-late-payment-refund",
  async (input: { booking_id: string }, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const booking = await escorts.ownedBooking(input.booking_id)
    const price = Number(booking.price_fen)
    await escorts.recordRefund(booking.id, price, "订单已取消后才收到付款，已全额退款")
    return new StepResponse(null)
  }
)

/**
 * order.placed for an escort booking's cart: 待支付 → 待接单 once, recording the order, and
 * `escort_booking.awaiting_escort` for dispatch. A replayed notification changes nothing;
 * a payment that arrives after the booking expired is refunded (the order is cancelled).
 */
export const markEscortBookingPaidWorkflow = createWorkflow(
  "mark-escort-booking-paid",
  (input: { order_id: string; booking_id: string }) => {
    const key = transform({ input }, ({ input }) => escortBookingLockKey(input.booking_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const outcome = markBookingPaidStep(input)
    when({ outcome }, ({ outcome }) => outcome.moved).then(() => {
      emitEventStep({
        eventName: DomainEvent.ESCORT_BOOKING_AWAITING_ESCORT,
        options: DOMAIN_EVENT_OPTIONS,
        data: transform({ input }, ({ input }) => ({ id: input.booking_id })),
      })
    })
    when({ outcome }, ({ outcome }) => outcome.refund_order).then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ order_id: input.order_id })),
      })
      recordLateRefundStep(transform({ input }, ({ input }) => ({ booking_id: input.booking_id })))
    })
    releaseLockStep({ key })
    return new WorkflowResponse(outcome)
  }
)
