import { model } from "@medusajs/framework/utils"

/**
 * A claim on a booking's policy filed from an upheld case; the insurer's signed callbacks
 * move it (`paid` writes the fund's recovery_from_insurer entry once).
 */
export const EscortInsuranceClaim = model
  .define("escort_insurance_claim", {
    id: model.id({ prefix: "esccl" }).primaryKey(),
    case_id: model.text(),
    policy_id: model.text(),
    provider: model.text(),
    claim_no: model.text(),
    amount_fen: model.number(),
    status: model.enum(["filed", "approved", "rejected", "paid"]).default("filed"),
    paid_fen: model.number().nullable(),
    reason: model.text().nullable(),
  })
  .indexes([
    { on: ["case_id"], unique: true, where: "deleted_at is null" },
    { on: ["provider", "claim_no"], unique: true, where: "deleted_at is null" },
  ])
