import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_CASE_MODULE } from "../../modules/escort-case"
import type EscortCaseModuleService from "../../modules/escort-case/service"

/**
 * A paid booking gets its liability policy from the insurer. The booking id is the
 * insurer's idempotency key and the policy is kept once per booking, so the event's
 * retries issue one policy. Without an insurer configured nothing happens.
 */
const insureEscortBookingStep = createStep(
  "insure-escort-booking",
  async (bookingId: string, { container }) => {
    const cases = container.resolve<EscortCaseModuleService>(ESCORT_CASE_MODULE)
    const insurer = cases.insurer()
    if (!insurer) return new StepResponse(null)
    const existing = await cases.policyOfBooking(bookingId)
    if (existing) return new StepResponse(existing)
    const booking = await container
      .resolve<EscortModuleService>(ESCORT_MODULE)
      .ownedBooking(bookingId)
    const issued = await insurer.issuePolicy({
      booking_id: booking.id,
      service_name: booking.service_name,
      service_date: booking.service_date,
      city: booking.city,
      price_fen: Number(booking.price_fen),
    })
    return new StepResponse(
      await cases.keepPolicy({
        booking_id: booking.id,
        provider: insurer.id,
        policy_no: issued.policy_no,
        premium_fen: issued.premium_fen,
        coverage_fen: issued.coverage_fen,
      })
    )
  }
)

export const insureEscortBookingWorkflow = createWorkflow(
  "insure-escort-booking",
  (bookingId: string) => new WorkflowResponse(insureEscortBookingStep(bookingId))
)
