import { model } from "@medusajs/framework/utils"

/**
 * A booking's two-way review window: it starts at 服务完成 and opens both reviews at once
 * when both are written or REVIEW_WINDOW_HOURS have passed (rules/review-reveal.ts).
 */
export const EscortReviewWindow = model
  .define("escort_review_window", {
    id: model.id({ prefix: "escrw" }).primaryKey(),
    booking_id: model.text(),
    escort_id: model.text(),
    customer_id: model.text(),
    started_at: model.dateTime(),
    opened_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["booking_id"], unique: true, where: "deleted_at is null" },
    { on: ["opened_at", "started_at"] },
  ])
