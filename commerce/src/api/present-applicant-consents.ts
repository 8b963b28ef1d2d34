import {
  APPLICANT_CONSENT_DOCUMENTS,
  APPLICANT_CONSENT_LABELS,
} from "../modules/escort-admission/rules/applicant-consent-kinds"
import type { ApplicantConsentRow } from "../modules/escort-admission/types"

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null)

/**
 * What the apply page shows: the documents to accept (with their CMS page), every recorded
 * consent, and whether all are in force (then details may be given).
 */
export function presentApplicantConsents(rows: ApplicantConsentRow[]) {
  const inForce = rows.filter((row) => !row.withdrawn_at)
  return {
    documents: APPLICANT_CONSENT_DOCUMENTS,
    all_accepted: APPLICANT_CONSENT_DOCUMENTS.every((doc) =>
      inForce.some((row) => row.kind === doc.kind)
    ),
    consents: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: APPLICANT_CONSENT_LABELS[row.kind],
      version: row.version,
      accepted_at: iso(row.accepted_at),
      withdrawn_at: iso(row.withdrawn_at),
    })),
  }
}
