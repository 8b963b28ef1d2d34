import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_DONE_STATUSES } from "../../modules/escort/rules/escort-booking-status"
import { ESCORT_MESSAGING_MODULE } from "../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../modules/escort-messaging/service"
import { ESCORT_REVIEW_MODULE } from "../../modules/escort-review"
import type { ReviewAuthor } from "../../modules/escort-review/rules/review-reveal"
import type EscortReviewModuleService from "../../modules/escort-review/service"
import type { EscortReviewRow } from "../../modules/escort-review/types"
import { MODERATION_MODULE } from "../../modules/moderation"
import type ModerationModuleService from "../../modules/moderation/service"
import type { ScreenMatch } from "../../modules/moderation/rules/screen-text"
import { escortBookingLockKey } from "../escort/escort-booking-lock"
import { publishEscortBookingChangeStep } from "../escort/publish-escort-booking-change"
import { recomputeEscortLevelStep } from "../escort-income/recompute-escort-level"
import { markEscortBookingReviewedStep } from "./mark-escort-booking-reviewed"
import { openEscortReviewsStep } from "./open-escort-reviews"

export type SubmitEscortReviewInput = {
  booking_id: string
  author: ReviewAuthor
  /** The member (customer id) or the escort writing. */
  author_id: string
  rating: number
  tags: string[]
  text: string | null
  photo_upload_ids: string[]
}

const notFound = () => new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该陪诊订单")

/**
 * The author's own finished booking and its review window (started at 服务完成); the
 * text and tags screened by the moderation filter; photos that are the author's uploads of
 * this booking. Another member's or escort's booking is 404, as if it did not exist.
 */
export const prepareEscortReviewStep = createStep(
  "prepare-escort-review",
  async (input: SubmitEscortReviewInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
    const moderation = container.resolve<ModerationModuleService>(MODERATION_MODULE)
    const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
    const booking =
      input.author === "member"
        ? await escorts.ownedBooking(input.booking_id, input.author_id)
        : await escorts.ownedBooking(input.booking_id).catch(() => null)
    if (!booking || (input.author === "escort" && booking.escort_id !== input.author_id)) {
      throw notFound()
    }
    if (!ESCORT_DONE_STATUSES.includes(booking.status) || !booking.escort_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "服务完成后才能评价")
    }
    for (const uploadId of input.photo_upload_ids) {
      const upload = await messaging.bookingUpload(booking.id, uploadId).catch(() => null)
      if (
        !upload ||
        upload.uploader_type !== input.author ||
        upload.uploader_id !== input.author_id
      ) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "照片不是本订单上传的图片，请重新上传"
        )
      }
    }
    const completedAt = (await escorts.bookingEvents(booking.id))
      .filter((event) => event.status === "completed")
      .map((event) => new Date(event.at))[0]
    await reviews.ensureWindow({
      booking_id: booking.id,
      escort_id: booking.escort_id,
      customer_id: booking.customer_id,
      started_at: completedAt ?? new Date(),
    })
    const screened = await moderation.screen([input.text ?? "", ...input.tags].join("\n"))
    return new StepResponse({ escort_id: booking.escort_id, matches: screened.matches })
  }
)

/** Writes (or rewrites, while sealed) the review; undone to what it was before. */
export const saveEscortReviewStep = createStep(
  "save-escort-review",
  async (
    input: { review: SubmitEscortReviewInput; escort_id: string; matches: ScreenMatch[] },
    { container }
  ) => {
    const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
    const { review, previous } = await reviews.saveReview({
      booking_id: input.review.booking_id,
      author: input.review.author,
      author_id: input.review.author_id,
      escort_id: input.escort_id,
      rating: input.review.rating,
      tags: input.review.tags,
      text: input.review.text,
      photo_upload_ids: input.review.photo_upload_ids,
      moderation: input.matches.length ? "pending" : "clear",
    })
    return new StepResponse(review, { review, previous })
  },
  async (saved, { container }) => {
    if (!saved) return
    await container
      .resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
      .restoreReview(saved.review.booking_id, saved.review.author, saved.previous)
  }
)

/**
 * A flagged review waits in the moderation queue (hidden until staff approve it); a
 * rewritten one that passes now leaves the queue.
 */
export const queueReviewForModerationStep = createStep(
  "queue-escort-review-for-moderation",
  async (input: { review: EscortReviewRow; matches: ScreenMatch[] }, { container }) => {
    const moderation = container.resolve<ModerationModuleService>(MODERATION_MODULE)
    const source = { source_type: "escort_review" as const, source_id: input.review.id }
    if (!input.matches.length) {
      await moderation.withdrawPending(source)
      return new StepResponse(null)
    }
    const item = await moderation.flag(
      {
        ...source,
        author_type: input.review.author,
        author_id: input.review.author_id,
        // The text alone: staff see the tags beside it, and an edit replaces the text.
        text: input.review.text ?? "",
      },
      input.matches
    )
    return new StepResponse(item.id)
  }
)

/**
 * A member or escort writes their review of the other after a service
 * (POST /store/escort-bookings/:id/review, POST /escort/tasks/:id/review). It stays sealed
 * until the other side has written too or 48 h passed; when this write completes the pair,
 * both open now.
 */
export const submitEscortReviewWorkflow = createWorkflow(
  "submit-escort-review",
  (input: SubmitEscortReviewInput) => {
    const key = transform({ input }, ({ input }) => escortBookingLockKey(input.booking_id))
    acquireLockStep({ key, timeout: 15, ttl: 120 })
    const prepared = prepareEscortReviewStep(input)
    const review = saveEscortReviewStep(
      transform({ input, prepared }, ({ input, prepared }) => ({
        review: input,
        escort_id: prepared.escort_id,
        matches: prepared.matches,
      }))
    )
    queueReviewForModerationStep(
      transform({ review, prepared }, ({ review, prepared }) => ({
        review,
        matches: prepared.matches,
      }))
    )
    const outcome = openEscortReviewsStep(
      transform({ input }, ({ input }) => ({ booking_id: input.booking_id }))
    )
    when({ outcome }, ({ outcome }) => outcome.opened).then(() => {
      markEscortBookingReviewedStep(transform({ input }, ({ input }) => input.booking_id))
      recomputeEscortLevelStep(transform({ outcome }, ({ outcome }) => outcome.escort_id))
    })
    releaseLockStep({ key })
    publishEscortBookingChangeStep(transform({ input }, ({ input }) => input.booking_id))
    return new WorkflowResponse(review)
  }
)
