import { model } from "@medusajs/framework/utils"

/** The programme's one settings row (see AffiliateModuleService.settings). */
export const AffiliateSettings = model.define("affiliate_settings", {
  id: model.id({ prefix: "afset" }).primaryKey(),
  /** One rate per paying level, in basis points: [800, 400] is 8% and 4%. At most 3. */
  rates_bp: model.json(),
  /** Days after payment before a commission becomes available, unless the order completes. */
  hold_days: model.number().default(15),
  /** Fen. */
  min_withdrawal: model.number().default(1000),
})
