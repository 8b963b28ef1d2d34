import { model } from "@medusajs/framework/utils"

/**
 * An anomaly on a booking (issue #20 item 7), raised once per booking and kind (unique),
 * shown on the dispatch board until staff resolve it with a note.
 */
export const DispatchAlert = model
  .define("escort_dispatch_alert", {
    id: model.id({ prefix: "escal" }).primaryKey(),
    booking_id: model.text(),
    kind: model.enum(["not_accepted", "not_departed", "not_arrived", "no_progress", "report"]),
    city: model.text(),
    message: model.text(),
    sms_sent_at: model.dateTime().nullable(),
    resolved_at: model.dateTime().nullable(),
    resolved_by: model.text().nullable(),
    resolution_note: model.text().nullable(),
  })
  .indexes([
    { on: ["booking_id", "kind"], unique: true, where: "deleted_at is null" },
    { on: ["resolved_at"] },
  ])
