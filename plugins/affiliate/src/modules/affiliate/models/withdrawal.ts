import { model } from "@medusajs/framework/utils"

/** A request to pay out available balance: requested → approved → paid, or rejected. */
export const Withdrawal = model
  .define("affiliate_withdrawal", {
    id: model.id({ prefix: "afwd" }).primaryKey(),
    affiliate_id: model.text().index(),
    /** Fen. */
    amount: model.number(),
    method: model.enum(["wechat", "bank"]),
    status: model
      .enum(["requested", "approved", "rejected", "paid", "failed"])
      .default("requested"),
    /** Bank payee (holder, bank, account number) or WeChat openid; shown masked. */
    payee: model.json().nullable(),
    /** The client's idempotency key: a double-clicked form makes one request. */
    request_key: model.text().unique(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    rejection_reason: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    payout_reference: model.text().nullable(),
  })
  .indexes([{ on: ["status", "created_at"] }])
