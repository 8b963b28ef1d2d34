import { model } from "@medusajs/framework/utils"

/**
 * A member's dispute of a finished service: it freezes the escort's earning until operations
 * release it to the escort or refund the member (part or all) and reverse the earning.
 */
export const EscortDispute = model
  .define("escort_dispute", {
    id: model.id({ prefix: "escdsp" }).primaryKey(),
    booking_id: model.text(),
    earning_id: model.text(),
    escort_id: model.text(),
    customer_id: model.text(),
    reason: model.text(),
    status: model.enum(["open", "resolved"]).default("open"),
    outcome: model.enum(["release", "refund"]).nullable(),
    refund_fen: model.number().nullable(),
    resolution_note: model.text().nullable(),
    resolved_by: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["booking_id"], unique: true, where: "deleted_at is null" },
    { on: ["status", "created_at"] },
  ])
