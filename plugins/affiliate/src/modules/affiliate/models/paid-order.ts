import { model } from "@medusajs/framework/utils"

/**
 * An order whose payment was captured, and when: a commission can only mature once its
 * order is paid, and its hold counts from here. Written once, never changed (a trigger
 * refuses updates and deletions), so replays and the sweep find it as it was.
 */
export const PaidOrder = model
  .define("affiliate_paid_order", {
    id: model.id({ prefix: "afpo" }).primaryKey(),
    order_id: model.text().unique(),
    buyer_customer_id: model.text().nullable(),
    paid_at: model.dateTime(),
  })
  .indexes([{ on: ["buyer_customer_id", "paid_at"] }])
