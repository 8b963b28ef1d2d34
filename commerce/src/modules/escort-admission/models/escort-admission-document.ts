import { model } from "@medusajs/framework/utils"

/**
 * One document of an application (健康证, 背景调查, a training certificate, the photo), the
 * file sealed in the file module; staff approve it (with its expiry date) or reject it with
 * a reason the applicant sees. Reminder stamps keep each expiry reminder to one.
 */
export const EscortAdmissionDocument = model
  .define("escort_admission_document", {
    id: model.id({ prefix: "escdoc" }).primaryKey(),
    application_id: model.text(),
    kind: model.enum(["health_certificate", "background_check", "training_certificate", "photo"]),
    title: model.text().nullable(),
    status: model.enum(["pending", "approved", "rejected"]).default("pending"),
    rejection_reason: model.text().nullable(),
    /** The last day it is valid, a Beijing date (YYYY-MM-DD); null when it does not expire. */
    expires_on: model.text().nullable(),
    mime_type: model.text(),
    size: model.number(),
    file_id: model.text(),
    key_id: model.text(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    reminded_30_at: model.dateTime().nullable(),
    reminded_7_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["application_id"] }, { on: ["status", "expires_on"] }])
