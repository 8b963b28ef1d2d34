import { model } from "@medusajs/framework/utils"

/**
 * Someone a member has a kit tested for or books a 陪诊 for (就诊人): the member or a family
 * member. Name, sex, birth date and the ID number are personal data and stored only
 * encrypted; the ID number is also kept masked, the only form members and staff see.
 */
export const TestSubject = model.define("test_subject", {
  id: model.id({ prefix: "tsub" }).primaryKey(),
  customer_id: model.text().index(),
  relation: model.enum(["self", "spouse", "parent", "child", "other"]),
  payload_ciphertext: model.text(),
  key_id: model.text(),
  /** Set for a person saved with an ID number (就诊人); null for a kit's tested person. */
  id_number_masked: model.text().nullable(),
  /** When 实名认证 matched the name and ID number, and that check's record. */
  verified_at: model.dateTime().nullable(),
  identity_verification_id: model.text().nullable(),
})
