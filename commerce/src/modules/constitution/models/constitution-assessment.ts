import { model } from "@medusajs/framework/utils"

/**
 * One constitution test result of a member. Answers, scores and verdicts are health
 * data: they are stored only encrypted (see FieldCipher), with the key id for rotation.
 */
export const ConstitutionAssessment = model
  .define("constitution_assessment", {
    id: model.id({ prefix: "cass" }).primaryKey(),
    customer_id: model.text().index(),
    /** The label of the question bank version answered, e.g. ZYYXH/T157-2009. */
    item_version: model.text(),
    /** The question bank version it was scored with (1 = the standard's); never changes. */
    questionnaire_version: model.number().default(1),
    payload_ciphertext: model.text(),
    key_id: model.text(),
  })
  .indexes([
    { on: ["customer_id", "created_at"] },
    // 数据统计 tallies the identifications made in a period.
    { on: ["created_at"] },
  ])
