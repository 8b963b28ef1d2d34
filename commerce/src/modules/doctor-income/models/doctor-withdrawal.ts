import { model } from "@medusajs/framework/utils"

/**
 * A doctor's request to take out available income: `requested` → `paid` (finance records
 * the transfer's reference) or `rejected` (the amount returns to the balance). A doctor has
 * at most one requested withdrawal at a time (the partial unique index enforces it too).
 */
export const DoctorWithdrawal = model
  .define("doctor_withdrawal", {
    id: model.id({ prefix: "docwd" }).primaryKey(),
    doctor_id: model.text(),
    amount_fen: model.number(),
    status: model.enum(["requested", "paid", "rejected"]).default("requested"),
    /** The bank transfer's reference. */
    reference: model.text().nullable(),
    reject_reason: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["doctor_id"], unique: true, where: "status = 'requested' and deleted_at is null" },
    { on: ["doctor_id", "created_at"] },
    { on: ["status", "created_at"] },
  ])
