import { model } from "@medusajs/framework/utils"

/**
 * An escort's request to take out available income. `requested` → `approved` (finance) →
 * `paid` (a bank transfer recorded with its reference); `rejected` gives the amount back to
 * the balance. While not rejected, it counts against the balance.
 */
export const EscortWithdrawal = model
  .define("escort_withdrawal", {
    id: model.id({ prefix: "escwd" }).primaryKey(),
    escort_id: model.text(),
    amount_fen: model.number(),
    status: model.enum(["requested", "approved", "paid", "rejected"]).default("requested"),
    method: model.enum(["bank"]).nullable(),
    reference: model.text().nullable(),
    reject_reason: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    paid_by: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["escort_id", "status"] }, { on: ["status", "created_at"] }])
