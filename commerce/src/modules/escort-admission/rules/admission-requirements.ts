import type { AdmissionDocumentKind } from "./document-kinds"

/** What the requirement checks look at: the applicant's verification and their documents. */
export type AdmissionState = {
  verified: boolean
  documents: { kind: AdmissionDocumentKind; status: string; expires_on: string | null }[]
}

export type AdmissionRequirement = {
  code: string
  /** Shown to the applicant and to staff when it is not met. */
  label: string
  met: (state: AdmissionState, today: string) => boolean
}

/** An approved document of that kind still valid on `today` (valid through its expiry day). */
export const hasValidDocument = (
  state: AdmissionState,
  kind: AdmissionDocumentKind,
  today: string
) =>
  state.documents.some(
    (doc) =>
      doc.kind === kind && doc.status === "approved" && (!doc.expires_on || doc.expires_on >= today)
  )

/**
 * What an escort needs before they may be active, and to stay active. A list of checks so
 * training (part B's passed exams) joins as one more entry.
 */
export const ADMISSION_REQUIREMENTS: AdmissionRequirement[] = [
  { code: "real_name", label: "实名认证通过", met: (state) => state.verified },
  {
    code: "health_certificate",
    label: "健康证审核通过且在有效期内",
    met: (state, today) => hasValidDocument(state, "health_certificate", today),
  },
  {
    code: "background_check",
    label: "背景调查材料审核通过且在有效期内",
    met: (state, today) => hasValidDocument(state, "background_check", today),
  },
]

/** The requirements not met on `today`; empty means the escort may be active. */
export function unmetRequirements(
  state: AdmissionState,
  today: string,
  requirements: AdmissionRequirement[] = ADMISSION_REQUIREMENTS
): AdmissionRequirement[] {
  return requirements.filter((requirement) => !requirement.met(state, today))
}
