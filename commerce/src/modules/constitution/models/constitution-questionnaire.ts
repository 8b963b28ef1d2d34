import { model } from "@medusajs/framework/utils"

/**
 * One published version of the question bank as the CMS published it (version 2 onwards;
 * version 1 is the standard's, shipped with the code). Written once by the CMS sync and
 * never changed: results scored with it must keep meaning what they meant.
 */
export const ConstitutionQuestionnaire = model.define("constitution_questionnaire", {
  id: model.id({ prefix: "cqn" }).primaryKey(),
  version: model.number().unique(),
  label: model.text(),
  /** The CMS document it came from. */
  cms_document_id: model.text().nullable(),
  /** QuestionBankItem[] (texts, types, reverse scoring, order): not personal data. */
  items: model.json(),
  published_at: model.dateTime().nullable(),
})
