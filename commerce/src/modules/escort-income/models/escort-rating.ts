import { model } from "@medusajs/framework/utils"

/** The member's 1–5 rating (and tags) given when confirming a service; one per booking. */
export const EscortRating = model
  .define("escort_rating", {
    id: model.id({ prefix: "escrt" }).primaryKey(),
    booking_id: model.text(),
    escort_id: model.text(),
    customer_id: model.text(),
    rating: model.number(),
    tags: model.json().default([] as never),
  })
  .indexes([
    { on: ["booking_id"], unique: true, where: "deleted_at is null" },
    { on: ["escort_id"] },
  ])
