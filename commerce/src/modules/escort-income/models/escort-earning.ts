import { model } from "@medusajs/framework/utils"

/**
 * An escort's income from one finished booking (one row per booking, created when it reaches
 * 服务完成). `amount_fen` is the escort's share of the price at their level then; it is
 * `pending` until the member confirms or `release_at` passes, `frozen` while disputed, and
 * `reversed` (wholly or by `reversed_fen`) when operations refund the member.
 */
export const EscortEarning = model
  .define("escort_earning", {
    id: model.id({ prefix: "escern" }).primaryKey(),
    booking_id: model.text(),
    escort_id: model.text(),
    service_name: model.text(),
    /** Beijing calendar day of the service, YYYY-MM-DD. */
    service_date: model.text(),
    price_fen: model.number(),
    level: model.text(),
    share_percent: model.number(),
    amount_fen: model.number(),
    reversed_fen: model.number().default(0),
    status: model.enum(["pending", "available", "frozen", "reversed"]).default("pending"),
    release_at: model.dateTime(),
    available_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["booking_id"], unique: true, where: "deleted_at is null" },
    { on: ["escort_id", "status"] },
    { on: ["status", "release_at"] },
  ])
