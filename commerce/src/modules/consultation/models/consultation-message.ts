import { model } from "@medusajs/framework/utils"

/** A message of a consultation; its text is sealed (symptoms), an attachment is an upload. */
export const ConsultationMessage = model
  .define("consultation_message", {
    id: model.id({ prefix: "consmsg" }).primaryKey(),
    consultation_id: model.text(),
    sender_type: model.enum(["member", "doctor", "staff"]),
    sender_id: model.text(),
    text_ciphertext: model.text().nullable(),
    key_id: model.text().nullable(),
    attachment_id: model.text().nullable(),
  })
  .indexes([{ on: ["consultation_id", "created_at"] }])
