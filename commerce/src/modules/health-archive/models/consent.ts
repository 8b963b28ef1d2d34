import { model } from "@medusajs/framework/utils"
import { ESCORT_CONSENT_KINDS } from "../escort-consent-kinds"

/**
 * A separate, recorded consent (testing, sample storage, research use; or, for an escort
 * booking, the privacy policy and the personal-information consents) with the version of
 * the CMS text the member agreed to. Withdrawal keeps the record.
 */
export const Consent = model
  .define("consent", {
    id: model.id({ prefix: "cons" }).primaryKey(),
    customer_id: model.text().index(),
    kit_id: model.text().nullable(),
    /** The escort booking the consent was given for (escort kinds only). */
    escort_booking_id: model.text().nullable(),
    kind: model.enum(["testing", "storage", "research", ...ESCORT_CONSENT_KINDS]),
    version: model.text(),
    signed_at: model.dateTime(),
    withdrawn_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["kit_id", "kind"] }, { on: ["escort_booking_id", "kind"] }])
