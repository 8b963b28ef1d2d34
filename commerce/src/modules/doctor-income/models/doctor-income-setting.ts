import { model } from "@medusajs/framework/utils"

/**
 * Operations' settlement settings for doctors (one row, key "default"): the share of the
 * price per consultation mode, the fixed fees of an assessment report and a group session,
 * and the hold before income becomes available. Without a row the DOCTOR_* env defaults
 * apply (see rules/doctor-income-defaults.ts).
 */
export const DoctorIncomeSetting = model
  .define("doctor_income_setting", {
    id: model.id({ prefix: "docis" }).primaryKey(),
    key: model.text(),
    share_percent: model.json(),
    assessment_fee_fen: model.number(),
    group_session_fee_fen: model.number(),
    hold_hours: model.number(),
  })
  .indexes([{ on: ["key"], unique: true, where: "deleted_at is null" }])
