import { model } from "@medusajs/framework/utils"

/**
 * A privacy-number binding (AXB) of a phone consultation: the doctor dials `secret_no`, never
 * the member's number, and the member sees only it too. Released when the consultation ends.
 */
export const ConsultationPhoneBinding = model
  .define("consultation_phone_binding", {
    id: model.id({ prefix: "consbind" }).primaryKey(),
    consultation_id: model.text(),
    vendor: model.text(),
    subs_id: model.text(),
    secret_no: model.text(),
    expires_at: model.dateTime(),
    released_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["consultation_id"], unique: true, where: "deleted_at is null and released_at is null" },
  ])

/** One call through the binding as the provider reported it (no phone numbers kept). */
export const ConsultationCallRecord = model
  .define("consultation_call_record", {
    id: model.id({ prefix: "conscall" }).primaryKey(),
    consultation_id: model.text(),
    call_id: model.text(),
    call_type: model.text(),
    started_at: model.dateTime().nullable(),
    ended_at: model.dateTime().nullable(),
    duration_seconds: model.number(),
    release_cause: model.text().nullable(),
  })
  .indexes([
    { on: ["call_id"], unique: true, where: "deleted_at is null" },
    { on: ["consultation_id"] },
  ])
