import { model } from "@medusajs/framework/utils"

/** A doctor's private note on a patient (sealed health data; the member never sees it). */
export const ConsultationPatientNote = model
  .define("consultation_patient_note", {
    id: model.id({ prefix: "consnote" }).primaryKey(),
    doctor_id: model.text(),
    customer_id: model.text(),
    note_ciphertext: model.text(),
    key_id: model.text(),
  })
  .indexes([{ on: ["doctor_id", "customer_id", "created_at"] }])
