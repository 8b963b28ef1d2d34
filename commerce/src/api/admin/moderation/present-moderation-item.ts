import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_MESSAGING_MODULE } from "../../../modules/escort-messaging"
import type EscortMessagingModuleService from "../../../modules/escort-messaging/service"
import { ESCORT_REVIEW_MODULE } from "../../../modules/escort-review"
import type EscortReviewModuleService from "../../../modules/escort-review/service"
import {
  MODERATION_CATEGORY_LABELS,
  MODERATION_SOURCE_LABELS,
  MODERATION_STATUS_LABELS,
} from "../../../modules/moderation/rules/moderation-categories"
import type { ModerationItemRow } from "../../../modules/moderation/types"

/**
 * Queue items as staff read them: labels in Chinese, what the filter found, the reports
 * (no reporter ids), and for a review its stars and tags beside the text.
 */
export async function presentModerationItems(
  container: Pick<MedusaContainer, "resolve">,
  items: ModerationItemRow[]
) {
  const reviews = container.resolve<EscortReviewModuleService>(ESCORT_REVIEW_MODULE)
  const reviewIds = items.filter((i) => i.source_type === "escort_review").map((i) => i.source_id)
  const reviewRows = reviewIds.length ? await reviews.listEscortReviews({ id: reviewIds }) : []
  const byId = new Map(reviewRows.map((row) => [row.id, row]))
  // A reported message stays sealed in its conversation: opened here for staff, one by one.
  const messaging = container.resolve<EscortMessagingModuleService>(ESCORT_MESSAGING_MODULE)
  const messageIds = items.filter((i) => i.source_type === "escort_message").map((i) => i.source_id)
  const messageRows = messageIds.length
    ? await messaging.listEscortMessages({ id: messageIds })
    : []
  const messages = new Map(
    messageRows.map((row) => [
      row.id,
      {
        booking_id: row.booking_id,
        view: messaging.presentMessage(row as never, () => null),
        has_image: !!row.image_upload_id,
      },
    ])
  )
  return items.map((item) => {
    const review = byId.get(item.source_id)
    const message = messages.get(item.source_id)
    return {
      id: item.id,
      source_type: item.source_type,
      source_label: MODERATION_SOURCE_LABELS[item.source_type],
      author_type: item.author_type,
      author_label: item.author_type === "member" ? "会员" : "陪诊员",
      text: message ? (message.view.text ?? "") : item.text,
      status: item.status,
      status_label: MODERATION_STATUS_LABELS[item.status],
      matches: item.matches.map((m) => ({
        ...m,
        category_label: MODERATION_CATEGORY_LABELS[m.category],
      })),
      reports: item.reports.map((r) => ({
        by: r.by === "member" ? "会员" : "陪诊员",
        reason: r.reason,
        at: r.at,
      })),
      final_text: item.final_text,
      decision_reason: item.decision_reason,
      decided_at: item.decided_at,
      created_at: item.created_at,
      review: review
        ? {
            rating: Number(review.rating),
            tags: review.tags as unknown as string[],
            booking_id: review.booking_id,
          }
        : null,
      message: message ? { booking_id: message.booking_id, has_image: message.has_image } : null,
    }
  })
}
