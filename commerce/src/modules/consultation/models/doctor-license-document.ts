import { model } from "@medusajs/framework/utils"

/**
 * A document a doctor uploads for admission (执业证书, 资格证书, 职称证书), the file sealed in
 * the file module like escorts' admission documents. Staff approve it, which verifies the
 * doctor's licence (`consultation_doctor.license_verified_at`), or reject it with a reason
 * the doctor sees, which withdraws the verification until a new document is approved.
 */
export const DoctorLicenseDocument = model
  .define("doctor_license_document", {
    id: model.id({ prefix: "docld" }).primaryKey(),
    doctor_id: model.text(),
    kind: model.enum(["practice_license", "qualification", "title_certificate"]),
    status: model.enum(["pending", "approved", "rejected"]).default("pending"),
    rejection_reason: model.text().nullable(),
    mime_type: model.text(),
    size: model.number(),
    file_id: model.text(),
    key_id: model.text(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["doctor_id", "created_at"] }, { on: ["status", "created_at"] }])
