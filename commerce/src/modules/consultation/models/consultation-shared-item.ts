import { model } from "@medusajs/framework/utils"

/**
 * An archive item (a lab report or an uploaded record) the member lets this consultation's
 * doctor read. Only while the consultation lasts and until withdrawn; every read is logged in
 * the member's archive access log.
 */
export const ConsultationSharedItem = model
  .define("consultation_shared_item", {
    id: model.id({ prefix: "consshr" }).primaryKey(),
    consultation_id: model.text(),
    customer_id: model.text(),
    item_type: model.enum(["report", "upload"]),
    item_id: model.text(),
    withdrawn_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["consultation_id", "item_type", "item_id"],
      unique: true,
      where: "deleted_at is null",
    },
  ])
