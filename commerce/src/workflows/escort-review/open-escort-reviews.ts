import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ESCORT_REVIEW_MODULE } from "../../modules/escort-review"
import type EscortReviewModuleService from "../../modules/escort-review/service"
import { escortBookingLockKey } from "../escort/escort-booking-lock"
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"
import { recomputeEscortLevelStep } from "../escort-income/recompute-escort-level"
import { markEscortBookingReviewedStep } from "./mark-escort-booking-reviewed"

/** `now` may arrive serialised (workflow inputs are stored): a Date or its ISO string. */
type Input = { booking_id: string; now?: Date | string }

/**
 * Opens the booking's sealed reviews when due. An opening is final (reviews are fixed from
 * then on), so there is nothing to undo; what follows it (已评价, the level) has its own.
 */
export const openEscortReviewsStep = createStep(
  "open-escort-reviews",
  async (input: Input, { container }) => {
    const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
    const { opened, reviews: rows } = await reviews.openIfDue(
      input.booking_id,
      input.now ? new Date(input.now) : new Date()
    )
    return new StepResponse({ opened, escort_id: rows[0]?.escort_id ?? null })
  }
)

/**
 * Opens a booking's two reviews at once when both are written or 48 h passed since
 * 服务完成; then the booking becomes 已评价 (when confirmed) and the escort's level is
 * recomputed from the rating that now counts.
 */
export const openEscortReviewsWorkflow = createWorkflow("open-escort-reviews", (input: Input) => {
  const key = transform({ input }, ({ input }) => escortBookingLockKey(input.booking_id))
  acquireLockStep({ key, timeout: 15, ttl: 120 })
  const outcome = openEscortReviewsStep(input)
  when({ outcome }, ({ outcome }) => outcome.opened).then(() => {
    markEscortBookingReviewedStep(transform({ input }, ({ input }) => input.booking_id))
    recomputeEscortLevelStep(transform({ outcome }, ({ outcome }) => outcome.escort_id))
  })
  releaseLockStep({ key })
  publishEscortBookingChangeStep(transform({ input }, ({ input }) => input.booking_id))
  return new WorkflowResponse(outcome)
})

/**
 * The escort-review queue's periodic run: every window due at `now` opens. `now` is a
 * parameter so tests and operations can run it for a chosen moment.
 */
export async function openDueEscortReviews(container: MedusaContainer, now = new Date()) {
  const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
  let opened = 0
  for (const bookingId of await reviews.dueBookingIds(now)) {
    const { result } = await openEscortReviewsWorkflow(container).run({
      input: { booking_id: bookingId, now },
    })
    if (result.opened) opened++
  }
  return { opened }
}
