import { model } from "@medusajs/framework/utils"

/**
 * A 检测评估 the member asked one expert (a doctor of the consultation module) for: the
 * member's separate consent to let that expert read the chosen archive items, until
 * `ends_at` or until the member withdraws it. The member's question is health data, so it is
 * sealed; the published report lives in archive_assessment_version.
 */
export const ArchiveAssessment = model
  .define("archive_assessment", {
    id: model.id({ prefix: "asmt" }).primaryKey(),
    customer_id: model.text(),
    doctor_id: model.text(),
    question_ciphertext: model.text(),
    key_id: model.text(),
    consent_at: model.dateTime(),
    consent_withdrawn_at: model.dateTime().nullable(),
    ends_at: model.dateTime(),
    /** The newest published version (0 until the expert first publishes). */
    version: model.number().default(0),
  })
  .indexes([{ on: ["customer_id", "created_at"] }, { on: ["doctor_id", "created_at"] }])
