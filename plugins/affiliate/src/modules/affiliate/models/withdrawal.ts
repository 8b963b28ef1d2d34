import { model } from "@medusajs/framework/utils"

/**
 * A request to pay out available balance: requested → approved → paid, or rejected.
 * A WeChat transfer passes through paying (waiting for WeChat and the member's
 * confirmation) and ends paid, or failed with the money back in the balance.
 */
export const Withdrawal = model
  .define("affiliate_withdrawal", {
    id: model.id({ prefix: "afwd" }).primaryKey(),
    affiliate_id: model.text().index(),
    /** Fen. */
    amount: model.number(),
    method: model.enum(["wechat", "bank"]),
    status: model
      .enum(["requested", "approved", "rejected", "paying", "paid", "failed"])
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
    /** The WeChat transfer bill's last known state (WAIT_USER_CONFIRM, SUCCESS, FAIL …). */
    transfer_state: model.text().nullable(),
    /** What the member's WeChat needs to confirm receipt (wx.requestMerchantTransfer). */
    transfer_package: model.text().nullable(),
  })
  .indexes([{ on: ["status", "created_at"] }])
