import { model } from "@medusajs/framework/utils"

/** The liability policy (责任险) the insurer issued for one paid 陪诊 booking. */
export const EscortInsurancePolicy = model
  .define("escort_insurance_policy", {
    id: model.id({ prefix: "escpol" }).primaryKey(),
    booking_id: model.text(),
    provider: model.text(),
    policy_no: model.text(),
    premium_fen: model.number(),
    coverage_fen: model.number(),
  })
  .indexes([{ on: ["booking_id"], unique: true, where: "deleted_at is null" }])
