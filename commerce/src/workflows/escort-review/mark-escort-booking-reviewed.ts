import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_REVIEW_MODULE } from "../../modules/escort-review"
import type EscortReviewModuleService from "../../modules/escort-review/service"

/**
 * 已确认 → 已评价 when the member's review of the booking has opened. Run after an opening
 * and after a confirmation (the review may have opened while the booking was 服务完成).
 */
export const markEscortBookingReviewedStep = createStep(
  "mark-escort-booking-reviewed",
  async (bookingId: string, { container }) => {
    const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
    const memberReview = (await reviews.reviewsOf(bookingId)).find((r) => r.author === "member")
    if (!memberReview?.opened_at) return new StepResponse(false, null)
    const moved = await container
      .resolve<EscortModuleService>(ESCORT_MODULE)
      .markReviewed(bookingId)
    return new StepResponse(moved, moved ? bookingId : null)
  },
  async (bookingId, { container }) => {
    if (!bookingId) return
    await container
      .resolve<EscortModuleService>(ESCORT_MODULE)
      .stepBack(bookingId, "reviewed", "confirmed")
  }
)
