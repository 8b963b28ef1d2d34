import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import type { EscortBookingRow } from "../../modules/escort/types"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { escortBookingLockKey } from "../escort/escort-booking-lock"
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"
import { markEscortBookingReviewedStep } from "../escort-review/mark-escort-booking-reviewed"
import { recomputeEscortLevelStep } from "./recompute-escort-level"
import { recordEscortEarningStep } from "./record-escort-earning"

export type ConfirmEscortBookingInput = {
  booking_id: string
  customer_id: string
  rating?: number | null
  tags?: string[]
}

/** 服务完成 → 已确认 (the member's own booking, once); undone if what follows fails. */
const confirmEscortBookingStep = createStep(
  "confirm-escort-booking",
  async (input: ConfirmEscortBookingInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const booking = await escorts.confirmBooking(input.booking_id, input.customer_id)
    return new StepResponse(booking, booking.id)
  },
  async (bookingId, { container }) => {
    if (!bookingId) return
    await container
      .resolve<EscortModuleService>(ESCORT_MODULE)
      .stepBack(bookingId, "confirmed", "completed")
  }
)

/** The member's rating is kept for the escort's level; their income is available now. */
const settleConfirmationStep = createStep(
  "settle-escort-confirmation",
  async (
    input: { booking: EscortBookingRow; rating?: number | null; tags?: string[] },
    { container }
  ) => {
    const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
    const { booking } = input
    if (input.rating != null && booking.escort_id) {
      await income.recordRating({
        booking_id: booking.id,
        escort_id: booking.escort_id,
        customer_id: booking.customer_id,
        rating: input.rating,
        tags: input.tags ?? [],
      })
    }
    const released = await income.releaseEarning(booking.id, new Date())
    return new StepResponse({ released })
  }
)

/**
 * The member confirms a finished service (POST /store/escort-bookings/:id/confirm),
 * optionally rating it 1–5 with tags: the booking becomes 已确认, the escort's earning for it
 * becomes available (unless a dispute froze it), and the escort's level is recomputed.
 */
export const confirmEscortBookingWorkflow = createWorkflow(
  "confirm-escort-booking",
  (input: ConfirmEscortBookingInput) => {
    const key = transform({ input }, ({ input }) => escortBookingLockKey(input.booking_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const booking = confirmEscortBookingStep(input)
    recordEscortEarningStep(input.booking_id)
    settleConfirmationStep(
      transform({ input, booking }, ({ input, booking }) => ({
        booking,
        rating: input.rating,
        tags: input.tags,
      }))
    )
    // The member's two-way review may have opened while the booking was 服务完成: 已评价 now.
    markEscortBookingReviewedStep(input.booking_id)
    recomputeEscortLevelStep(transform({ booking }, ({ booking }) => booking.escort_id))
    releaseLockStep({ key })
    publishEscortBookingChangeStep(input.booking_id)
    return new WorkflowResponse(booking)
  }
)
