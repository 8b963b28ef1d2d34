import { model } from "@medusajs/framework/utils"

/**
 * The platform guarantee fund (平台保障金, 先行赔付) ledger: append-only, signed integer fen
 * (money in positive, compensation paid negative); the balance is the sum. Each entry has an
 * idempotency key, unique, so a retried or concurrent action writes it once.
 */
export const GuaranteeFundEntry = model
  .define("guarantee_fund_entry", {
    id: model.id({ prefix: "gfent" }).primaryKey(),
    kind: model.enum([
      "fund_in",
      "compensation_paid",
      "recovery_from_escort",
      "recovery_from_insurer",
    ]),
    amount_fen: model.number(),
    case_id: model.text().nullable(),
    idempotency_key: model.text(),
    note: model.text(),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }, { on: ["created_at"] }, { on: ["case_id"] }])
