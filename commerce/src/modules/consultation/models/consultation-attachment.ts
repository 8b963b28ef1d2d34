import { model } from "@medusajs/framework/utils"

/** A picture or PDF sent in a consultation, sealed in the file module; read by its two parties. */
export const ConsultationAttachment = model
  .define("consultation_attachment", {
    id: model.id({ prefix: "consatt" }).primaryKey(),
    consultation_id: model.text(),
    uploader_type: model.enum(["member", "doctor"]),
    uploader_id: model.text(),
    mime_type: model.text(),
    size: model.number(),
    file_id: model.text(),
    key_id: model.text(),
  })
  .indexes([{ on: ["consultation_id"] }])
