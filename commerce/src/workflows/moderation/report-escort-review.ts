import { MedusaError } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_REVIEW_MODULE } from "../../modules/escort-review"
import {
  otherSide,
  reviewShows,
  type ReviewAuthor,
} from "../../modules/escort-review/rules/review-reveal"
import type EscortReviewModuleService from "../../modules/escort-review/service"
import { MODERATION_MODULE } from "../../modules/moderation"
import type ModerationModuleService from "../../modules/moderation/service"

export type ReportEscortReviewInput = {
  booking_id: string
  reporter: ReviewAuthor
  reporter_id: string
  reason: string
}

/**
 * One side reports the other's opened review of them (POST …/review/report): it joins the
 * moderation queue and stays shown until staff decide (one report does not silence a
 * review); a review the reporter cannot see cannot be reported (404).
 */
const reportEscortReviewStep = createStep(
  "report-escort-review",
  async (input: ReportEscortReviewInput, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
    const moderation = container.resolve<ModerationModuleService>(MODERATION_MODULE)
    const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, "没有找到可举报的评价")
    const booking =
      input.reporter === "member"
        ? await escorts.ownedBooking(input.booking_id, input.reporter_id)
        : await escorts.ownedBooking(input.booking_id).catch(() => null)
    if (!booking || (input.reporter === "escort" && booking.escort_id !== input.reporter_id)) {
      throw notFound
    }
    const review = (await reviews.reviewsOf(input.booking_id)).find(
      (r) => r.author === otherSide(input.reporter)
    )
    if (!review || !reviewShows(review)) throw notFound
    const item = await moderation.report(
      {
        source_type: "escort_review",
        source_id: review.id,
        author_type: review.author,
        author_id: review.author_id,
        text: (review.moderation === "approved" ? review.shown_text : review.text) ?? "",
      },
      { by: input.reporter, reason: input.reason }
    )
    return new StepResponse({ id: item.id, status: item.status })
  }
)

export const reportEscortReviewWorkflow = createWorkflow(
  "report-escort-review",
  (input: ReportEscortReviewInput) => new WorkflowResponse(reportEscortReviewStep(input))
)
