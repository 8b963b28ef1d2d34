import { model } from "@medusajs/framework/utils"

/**
 * One constitution test result of a member. Answers, scores and verdicts are health
 * data: they are stored only encrypted (see FieldCipher), with the key id for rotation.
 */
export const ConstitutionAssessment = model
  .define("constitution_assessment", {
    id: model.id({ prefix: "cass" }).primaryKey(),
    customer_id: model.text().index(),
    /** The questionnaire version the answers refer to, e.g. ZYYXH/T157-2009. */
    item_version: model.text(),
    payload_ciphertext: model.text(),
    key_id: model.text(),
  })
  .indexes([
    { on: ["customer_id", "created_at"] },
    // 数据统计 tallies the identifications made in a period.
    { on: ["created_at"] },
  ])
