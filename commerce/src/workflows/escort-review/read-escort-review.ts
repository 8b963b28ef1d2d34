import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_DONE_STATUSES } from "../../modules/escort/rules/escort-booking-status"
import { ESCORT_REVIEW_MODULE } from "../../modules/escort-review"
import {
  otherSide,
  revealDue,
  REVIEW_STATE_LABELS,
  reviewShows,
  reviewState,
  windowDeadline,
  type ReviewAuthor,
  type ReviewModeration,
} from "../../modules/escort-review/rules/review-reveal"
import type EscortReviewModuleService from "../../modules/escort-review/service"
import type { EscortReviewRow } from "../../modules/escort-review/types"
import { openEscortReviewsWorkflow } from "./open-escort-reviews"

const MODERATION_LABELS: Record<ReviewModeration, string> = {
  clear: "已通过",
  pending: "审核中：评价含敏感内容，平台审核通过后才会展示",
  approved: "已通过审核",
  rejected: "未通过审核",
}

/** The anonymous name each side sees for the other: never a name or an id. */
const ANONYMOUS: Record<ReviewAuthor, string> = { member: "匿名会员", escort: "陪诊员" }

type Reader = { side: ReviewAuthor; id: string }

const imageBase = (side: ReviewAuthor, bookingId: string) =>
  side === "member"
    ? `/store/escort-bookings/${bookingId}/messages/images`
    : `/escort/tasks/${bookingId}/messages/images`

/** The reader's own review: everything they wrote and where moderation stands. */
function ownView(review: EscortReviewRow, reader: Reader) {
  return {
    rating: review.rating,
    tags: review.tags,
    text: review.text,
    photos: review.photo_upload_ids.map((id) => ({
      upload_id: id,
      image_url: `${imageBase(reader.side, review.booking_id)}/${id}`,
    })),
    moderation: review.moderation,
    moderation_label: MODERATION_LABELS[review.moderation],
    rejected_reason: review.rejected_reason,
    opened: !!review.opened_at,
    updated_at: review.updated_at,
  }
}

/** The other side's review as the reader may see it: no name, no id, moderated text. */
function otherView(review: EscortReviewRow, reader: Reader) {
  return {
    from: ANONYMOUS[review.author],
    rating: review.rating,
    tags: review.tags,
    text: review.moderation === "approved" ? review.shown_text : review.text,
    photos: review.photo_upload_ids.map((id) => ({
      image_url: `${imageBase(reader.side, review.booking_id)}/${id}`,
    })),
    opened_at: review.opened_at,
  }
}

/**
 * A booking's review pair as one side sees it (GET …/review): their own review, the
 * other's once both opened (and only if it passed moderation), and the state in words.
 * A window that is due opens first, so a reader never waits on the sweep.
 */
export async function readEscortReview(
  container: MedusaContainer,
  bookingId: string,
  reader: Reader
) {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
  const booking =
    reader.side === "member"
      ? await escorts.ownedBooking(bookingId, reader.id)
      : await escorts.ownedBooking(bookingId).catch(() => null)
  if (!booking || (reader.side === "escort" && booking.escort_id !== reader.id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "未找到该陪诊订单")
  }
  let window = await reviews.windowOf(bookingId)
  let rows = await reviews.reviewsOf(bookingId)
  if (window && revealDue(window, new Set(rows.map((r) => r.author)), new Date())) {
    await openEscortReviewsWorkflow(container).run({ input: { booking_id: bookingId } })
    window = await reviews.windowOf(bookingId)
    rows = await reviews.reviewsOf(bookingId)
  }
  const mine = rows.find((r) => r.author === reader.side) ?? null
  const theirs = rows.find((r) => r.author === otherSide(reader.side)) ?? null
  const opened = !!window?.opened_at
  const state = reviewState({ mine: !!mine, theirs: !!theirs, opened })
  return {
    state,
    state_label: REVIEW_STATE_LABELS[state],
    can_write: ESCORT_DONE_STATUSES.includes(booking.status) && !opened,
    opens_at: window && !opened ? windowDeadline(window.started_at).toISOString() : null,
    mine: mine ? ownView(mine, reader) : null,
    theirs: theirs && reviewShows(theirs) ? otherView(theirs, reader) : null,
  }
}
