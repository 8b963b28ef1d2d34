import { model } from "@medusajs/framework/utils"

/**
 * A member's place in the referral forest. Every customer gets one lazily; the
 * referrer is bound once and never changes (see AffiliateModuleService.bindReferrer).
 */
export const Affiliate = model
  .define("affiliate", {
    id: model.id({ prefix: "aff" }).primaryKey(),
    customer_id: model.text().unique(),
    /** The share code in `/r/<code>` and `?ref=<code>`. */
    code: model.text().unique(),
    /** member → distributor after a referred member's first paid order, or by staff. */
    status: model.enum(["member", "distributor", "disabled"]).default("member"),
    /** The affiliate (not customer) id of who invited this member. */
    referrer_id: model.text().index().nullable(),
    bound_at: model.dateTime().nullable(),
    upgraded_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status"] }])
