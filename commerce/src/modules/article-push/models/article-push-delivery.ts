import { model } from "@medusajs/framework/utils"

/**
 * One member's delivery of one pushed article: the row is claimed before anything is
 * sent, so a replayed hook or a retried batch never sends a channel twice.
 * Channel states: pending, sent, opted_out, no_phone, no_openid, not_subscribed, failed.
 */
export const ArticlePushDelivery = model
  .define("article_push_delivery", {
    id: model.id({ prefix: "apdel" }).primaryKey(),
    document_id: model.text(),
    customer_id: model.text(),
    inbox: model.boolean().default(false),
    sms: model.text().default("pending"),
    wechat: model.text().default("pending"),
  })
  .indexes([{ on: ["document_id", "customer_id"], unique: true }])
