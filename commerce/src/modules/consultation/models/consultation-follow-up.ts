import { model } from "@medusajs/framework/utils"

/**
 * A follow-up (复诊) a doctor schedules for a patient: a Beijing date and a sealed note the
 * member reads. The member is reminded on the morning of the date (a delayed job).
 */
export const ConsultationFollowUp = model
  .define("consultation_follow_up", {
    id: model.id({ prefix: "consfu" }).primaryKey(),
    doctor_id: model.text(),
    customer_id: model.text(),
    consultation_id: model.text().nullable(),
    due_date: model.text(),
    note_ciphertext: model.text(),
    key_id: model.text(),
    reminded_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["customer_id", "due_date"] }, { on: ["doctor_id", "customer_id"] }])
