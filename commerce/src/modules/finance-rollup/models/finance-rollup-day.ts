import { model } from "@medusajs/framework/utils"

/**
 * One Beijing day of 财务统计 folded into `finance_daily_rollup` (a plain table its migration
 * creates). The day is served from the rollup only while it is refreshed and not dirty;
 * triggers on the money tables mark it dirty when a past day's figures change.
 */
export const FinanceRollupDay = model.define("finance_rollup_day", {
  /** The Beijing date, YYYY-MM-DD. */
  id: model.text().primaryKey(),
  refreshed_at: model.dateTime().nullable(),
  /** Set when money of the day moved after its refresh; cleared by the next refresh. */
  dirty_at: model.dateTime().nullable(),
})
