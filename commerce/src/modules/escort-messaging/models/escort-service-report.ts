import { model } from "@medusajs/framework/utils"

/**
 * What the escort reports once a service is done: each step with a note and the doctor's
 * advice as told (sealed: health data), and the photographed documents (uploads of the
 * booking). One per booking, enforced by a unique index.
 */
export const EscortServiceReport = model
  .define("escort_service_report", {
    id: model.id({ prefix: "escrpt" }).primaryKey(),
    booking_id: model.text(),
    escort_id: model.text(),
    payload_ciphertext: model.text(),
    key_id: model.text(),
    document_upload_ids: model.json(),
  })
  .indexes([{ on: ["booking_id"], unique: true, where: "deleted_at is null" }])
