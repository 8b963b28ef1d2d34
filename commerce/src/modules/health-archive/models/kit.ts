import { model } from "@medusajs/framework/utils"
import { KIT_STATUSES } from "../../../lib/kits/kit-status"
import { KitEvent } from "./kit-event"

/**
 * One test kit: a unit of a gene-test order line (a family pack holds two). The barcode
 * is given when staff ship it or hand it over at a collection site; the member binds it
 * to a tested person on activation.
 */
export const Kit = model
  .define("kit", {
    id: model.id({ prefix: "kit" }).primaryKey(),
    customer_id: model.text().index(),
    order_id: model.text().index(),
    order_display_id: model.number().nullable(),
    line_item_id: model.text(),
    /** 0-based position among the kits of one order line, so creation is idempotent. */
    unit_index: model.number(),
    product_title: model.text(),
    variant_title: model.text().nullable(),
    collection_method: model.enum(["mail_in", "on_site"]).default("mail_in"),
    barcode: model.text().nullable(),
    status: model.enum([...KIT_STATUSES]).default("ordered"),
    person_id: model.text().nullable(),
    tracking_carrier: model.text().nullable(),
    tracking_number: model.text().nullable(),
    rejection_reason: model.text().nullable(),
    activated_at: model.dateTime().nullable(),
    events: model.hasMany(() => KitEvent, { mappedBy: "kit" }),
  })
  .indexes([
    { on: ["line_item_id", "unit_index"], unique: true },
    { on: ["barcode"], unique: true, where: "barcode IS NOT NULL" },
    { on: ["status", "created_at"] },
    // 数据统计 counts the kits ordered in a period, whatever their status.
    { on: ["created_at"] },
  ])
