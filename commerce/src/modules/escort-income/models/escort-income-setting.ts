import { model } from "@medusajs/framework/utils"

/**
 * Operations' settlement settings (one row, key "default"): the share of the price each
 * level earns, the level rules and the hours after 服务完成 before income releases itself.
 * Without a row the ESCORT_* env defaults apply (see rules/escort-income-defaults.ts).
 */
export const EscortIncomeSetting = model
  .define("escort_income_setting", {
    id: model.id({ prefix: "escis" }).primaryKey(),
    key: model.text(),
    share_percent: model.json(),
    level_rules: model.json(),
    release_hours: model.number(),
  })
  .indexes([{ on: ["key"], unique: true, where: "deleted_at is null" }])
