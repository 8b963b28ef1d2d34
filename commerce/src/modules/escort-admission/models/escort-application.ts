import { model } from "@medusajs/framework/utils"

/**
 * An escort's admission file (入驻申请): who they are (real name, ID number sealed and
 * masked, the 实名认证 outcome), where they work and what they do. One per escort; it stays
 * after activation, so a lapsed certificate can suspend them and a renewal bring them back.
 */
export const EscortApplication = model
  .define("escort_application", {
    id: model.id({ prefix: "escapp" }).primaryKey(),
    escort_id: model.text(),
    status: model.enum(["draft", "submitted", "approved", "suspended"]).default("draft"),
    real_name: model.text().nullable(),
    id_number_ciphertext: model.text().nullable(),
    id_number_key_id: model.text().nullable(),
    id_number_masked: model.text().nullable(),
    city: model.text().nullable(),
    base_location: model.text().nullable(),
    /** Specialty codes (儿科, 孕产, 肿瘤康复, 异地就医 …). */
    specialties: model.json().nullable(),
    /** The identity-verification record that matched this name and ID number. */
    verification_id: model.text().nullable(),
    verified_at: model.dateTime().nullable(),
    submitted_at: model.dateTime().nullable(),
    activated_at: model.dateTime().nullable(),
    suspended_at: model.dateTime().nullable(),
    suspension_reason: model.text().nullable(),
  })
  .indexes([{ on: ["escort_id"], unique: true }, { on: ["status"] }])
