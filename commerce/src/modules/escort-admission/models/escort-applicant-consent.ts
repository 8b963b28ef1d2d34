import { model } from "@medusajs/framework/utils"
import { APPLICANT_CONSENT_KINDS } from "../rules/applicant-consent-kinds"

/**
 * An escort applicant's recorded consent: the kind and the version of the CMS text they
 * accepted, when, and when they withdrew it. Withdrawal keeps the record (proof of what was
 * agreed when); a new acceptance is a new row.
 */
export const EscortApplicantConsent = model
  .define("escort_applicant_consent", {
    id: model.id({ prefix: "escacons" }).primaryKey(),
    escort_id: model.text(),
    kind: model.enum([...APPLICANT_CONSENT_KINDS]),
    version: model.text(),
    accepted_at: model.dateTime(),
    withdrawn_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["escort_id", "kind"] }])
