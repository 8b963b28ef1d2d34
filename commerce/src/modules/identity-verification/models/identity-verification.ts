import { model } from "@medusajs/framework/utils"

/**
 * One 实名认证 call and its answer: who asked about whom (an escort applicant, the person a
 * member books for), the ID number sealed and masked, the provider's outcome. Never edited.
 */
export const IdentityVerification = model
  .define("identity_verification", {
    id: model.id({ prefix: "idv" }).primaryKey(),
    /** `escort_application` or `escort_booking_person`. */
    subject_type: model.text(),
    /** The applicant's escort id, or the booking member's customer id. */
    subject_id: model.text(),
    name: model.text(),
    id_number_ciphertext: model.text(),
    id_number_key_id: model.text(),
    id_number_masked: model.text(),
    with_face: model.boolean().default(false),
    provider: model.text(),
    outcome: model.enum(["match", "mismatch", "invalid", "unavailable"]),
    provider_code: model.text(),
    provider_description: model.text(),
    provider_request_id: model.text().nullable(),
  })
  .indexes([{ on: ["subject_type", "subject_id"] }])
