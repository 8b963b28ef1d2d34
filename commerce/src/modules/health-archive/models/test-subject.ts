import { model } from "@medusajs/framework/utils"

/**
 * Someone a member has a kit tested for: the member or a family member. Name, sex and
 * birth date are personal data and stored only encrypted.
 */
export const TestSubject = model.define("test_subject", {
  id: model.id({ prefix: "tsub" }).primaryKey(),
  customer_id: model.text().index(),
  relation: model.enum(["self", "spouse", "parent", "child", "other"]),
  payload_ciphertext: model.text(),
  key_id: model.text(),
})
