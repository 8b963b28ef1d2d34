import { model } from "@medusajs/framework/utils"

/**
 * The bank reference (银行流水号) finance gives for an offline payment it confirmed: one per
 * payment (a unique index, so a second entry for the same payment is refused, not doubled).
 */
export const OfflineReceipt = model
  .define("offline_receipt", {
    id: model.id({ prefix: "offrcpt" }).primaryKey(),
    payment_id: model.text(),
    order_id: model.text().nullable(),
    /** Fen, as captured. */
    amount: model.number(),
    bank_reference: model.text().index(),
    recorded_by: model.text(),
  })
  .indexes([{ on: ["payment_id"], unique: true, where: "deleted_at IS NULL" }])
