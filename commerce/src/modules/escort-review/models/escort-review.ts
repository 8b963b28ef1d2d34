import { model } from "@medusajs/framework/utils"
import { REVIEW_AUTHORS, REVIEW_MODERATION } from "../rules/review-reveal"

/**
 * One side's review of the other after a 陪诊 service: the member's of the escort or the
 * escort's of the member. Sealed until the window opens; fixed after. `moderation` says
 * whether its text may be shown (clear, or approved by staff with `shown_text`).
 */
export const EscortReview = model
  .define("escort_review", {
    id: model.id({ prefix: "escrv" }).primaryKey(),
    booking_id: model.text(),
    author: model.enum([...REVIEW_AUTHORS]),
    author_id: model.text(),
    escort_id: model.text(),
    rating: model.number(),
    tags: model.json().default([] as never),
    text: model.text().nullable(),
    /** Pictures uploaded to the booking's conversation by the author. */
    photo_upload_ids: model.json().default([] as never),
    moderation: model.enum([...REVIEW_MODERATION]).default("clear"),
    shown_text: model.text().nullable(),
    rejected_reason: model.text().nullable(),
    opened_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["booking_id", "author"], unique: true, where: "deleted_at is null" },
    { on: ["escort_id", "author", "opened_at"] },
  ])
