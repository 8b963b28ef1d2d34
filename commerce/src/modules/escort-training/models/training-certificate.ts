import { model } from "@medusajs/framework/utils"

/**
 * 培训合格证: issued when an attempt passes (or staff record an offline exam), valid for the
 * course's refresher period. One per passed attempt (a refresher issues a new one); the newest
 * valid one counts.
 */
export const EscortTrainingCertificate = model
  .define("escort_training_certificate", {
    id: model.id({ prefix: "etcert" }).primaryKey(),
    escort_id: model.text(),
    course_id: model.text(),
    attempt_id: model.text(),
    course_title: model.text(),
    score_percent: model.number(),
    issued_at: model.dateTime(),
    expires_at: model.dateTime(),
    /** The staff member who recorded an offline exam (线下考核); null when the escort passed online. */
    issued_by: model.text().nullable(),
    /** Stamped once the escort was told a refresher is due (before or at expiry). */
    reminded_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["attempt_id"], unique: true }, { on: ["escort_id", "course_id"] }])
