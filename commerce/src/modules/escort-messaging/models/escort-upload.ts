import { model } from "@medusajs/framework/utils"

/**
 * A picture sent in a booking's conversation or photographed for its service report. The
 * bytes are sealed in the file module (private, meaningless name); only the booking's two
 * parties and staff read them, through authorised routes. `archived_upload_id` is the member
 * upload a report document became in the member's health archive (set once).
 */
export const EscortUpload = model
  .define("escort_upload", {
    id: model.id({ prefix: "escupl" }).primaryKey(),
    booking_id: model.text(),
    uploader_type: model.enum(["member", "escort"]),
    uploader_id: model.text(),
    mime_type: model.text(),
    size: model.number(),
    file_id: model.text(),
    key_id: model.text(),
    archived_upload_id: model.text().nullable(),
  })
  .indexes([{ on: ["booking_id"] }])
