import { model } from "@medusajs/framework/utils"

/** One message in a member's in-app inbox (消息中心). */
export const InboxMessage = model
  .define("inbox_message", {
    id: model.id({ prefix: "inbox" }).primaryKey(),
    customer_id: model.text().index(),
    /** What produced it: order, kit, article, system ... used for icons and filters. */
    category: model.text().default("system"),
    title: model.text(),
    body: model.text(),
    /** A storefront path such as /account/orders/order_123. */
    link: model.text().nullable(),
    /** Makes a delivery idempotent: the same event never produces a second message. */
    dedupe_key: model.text().unique(),
    read_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id", "read_at"] }])
