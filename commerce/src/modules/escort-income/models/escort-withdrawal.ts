import { model } from "@medusajs/framework/utils"

/**
 * An escort's request to take out available income. `requested` → `approved` (finance) →
 * `paid`, either a bank transfer recorded with its reference, or WeChat 商家转账: `paying`
 * while the bill waits for the escort's confirmation, then `paid` or `failed` (the amount
 * goes back to the balance). `rejected` gives the amount back too. While requested,
 * approved, paying or paid, it counts against the balance.
 */
export const EscortWithdrawal = model
  .define("escort_withdrawal", {
    id: model.id({ prefix: "escwd" }).primaryKey(),
    escort_id: model.text(),
    amount_fen: model.number(),
    status: model
      .enum(["requested", "approved", "paying", "paid", "rejected", "failed"])
      .default("requested"),
    method: model.enum(["bank", "wechat"]).nullable(),
    /** The bank transfer's reference, or the WeChat transfer bill's out_bill_no. */
    reference: model.text().nullable(),
    /** WeChat's last known bill state, and the package the escort confirms receipt with. */
    transfer_state: model.text().nullable(),
    transfer_package: model.text().nullable(),
    fail_reason: model.text().nullable(),
    reject_reason: model.text().nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    paid_by: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["escort_id", "status"] }, { on: ["status", "created_at"] }])
