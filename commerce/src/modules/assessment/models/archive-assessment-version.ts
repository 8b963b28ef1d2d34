import { model } from "@medusajs/framework/utils"

/**
 * One published version of a 检测评估报告, kept as the member read it (like the constitution
 * report's revisions): the first publish is version 1, each 修订 adds the next and rows are
 * never changed. Sections, recommendations and the 修订说明 are sealed together.
 */
export const ArchiveAssessmentVersion = model
  .define("archive_assessment_version", {
    id: model.id({ prefix: "asmtv" }).primaryKey(),
    assessment_id: model.text(),
    version: model.number(),
    doctor_id: model.text(),
    expert_name: model.text(),
    payload_ciphertext: model.text(),
    key_id: model.text(),
    published_at: model.dateTime(),
  })
  .indexes([{ on: ["assessment_id", "version"], unique: true, where: "deleted_at is null" }])
