import { model } from "@medusajs/framework/utils"

/**
 * One message between a booking's member and its escort (or staff). The text, masked of
 * phone numbers before it is stored, is sealed like other health data: people describe
 * symptoms here.
 */
export const EscortMessage = model
  .define("escort_message", {
    id: model.id({ prefix: "escmsg" }).primaryKey(),
    booking_id: model.text(),
    sender_type: model.enum(["member", "escort", "staff"]),
    sender_id: model.text(),
    text_ciphertext: model.text().nullable(),
    key_id: model.text().nullable(),
    image_upload_id: model.text().nullable(),
  })
  .indexes([{ on: ["booking_id", "created_at"] }])
