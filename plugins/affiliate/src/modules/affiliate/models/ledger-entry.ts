import { model } from "@medusajs/framework/utils"

/**
 * One append-only line of the commission ledger, in fen (signed). A balance is the
 * sum of a bucket's entries; moving money between buckets writes a pair of entries.
 * `idempotency_key` is unique, so replaying any event writes nothing twice.
 */
export const LedgerEntry = model
  .define("affiliate_ledger_entry", {
    id: model.id({ prefix: "afle" }).primaryKey(),
    affiliate_id: model.text().index(),
    bucket: model.enum(["pending", "available", "withdrawing", "withdrawn", "spent"]),
    kind: model.enum([
      "commission",
      "reversal",
      "maturation",
      "withdrawal_request",
      "withdrawal_rejected",
      "withdrawal_paid",
      "withdrawal_failed",
      "store_credit",
      "store_credit_return",
      "adjustment",
    ]),
    amount: model.number(),
    idempotency_key: model.text().unique(),
    order_id: model.text().index().nullable(),
    line_item_id: model.text().nullable(),
    product_id: model.text().index().nullable(),
    buyer_customer_id: model.text().nullable(),
    level: model.number().nullable(),
    rate_bp: model.number().nullable(),
    base_amount: model.number().nullable(),
    /** For reversals: the commission entry being reversed. */
    reverses_entry_id: model.text().index().nullable(),
    withdrawal_id: model.text().index().nullable(),
    /** For store credit: the cart it paid for (the order does not exist yet when it is spent). */
    cart_id: model.text().index().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["affiliate_id", "created_at"] }, { on: ["order_id", "affiliate_id"] }])
