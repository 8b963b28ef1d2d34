import { model } from "@medusajs/framework/utils"

/**
 * One member's delivery of one push on one channel. The rows are claimed (inserted) before
 * anything is sent, so a retried batch never sends a channel twice. States: pending, sent,
 * failed, opted_out, no_phone, no_openid, not_subscribed, not_following, no_subscription.
 */
export const MarketingPushDelivery = model
  .define("marketing_push_delivery", {
    id: model.id({ prefix: "mpdel" }).primaryKey(),
    push_id: model.text(),
    customer_id: model.text(),
    channel: model.text(),
    state: model.text().default("pending"),
    /** The member followed the tracked link that came with this channel. */
    clicked_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["push_id", "customer_id", "channel"], unique: true },
    { on: ["push_id", "channel", "state"] },
  ])
