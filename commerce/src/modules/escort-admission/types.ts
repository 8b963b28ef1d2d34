import type { AdmissionDocumentKind } from "./rules/document-kinds"

export type EscortApplicationStatus = "draft" | "submitted" | "approved" | "suspended"

export type EscortApplicationRow = {
  id: string
  escort_id: string
  status: EscortApplicationStatus
  real_name: string | null
  id_number_ciphertext: string | null
  id_number_key_id: string | null
  id_number_masked: string | null
  city: string | null
  base_location: string | null
  specialties: string[] | null
  verification_id: string | null
  verified_at: Date | string | null
  submitted_at: Date | string | null
  activated_at: Date | string | null
  suspended_at: Date | string | null
  suspension_reason: string | null
  created_at: Date | string
}

export type AdmissionDocumentRow = {
  id: string
  application_id: string
  kind: AdmissionDocumentKind
  title: string | null
  status: "pending" | "approved" | "rejected"
  rejection_reason: string | null
  expires_on: string | null
  mime_type: string
  size: number
  file_id: string
  key_id: string
  reviewed_by: string | null
  reviewed_at: Date | string | null
  reminded_30_at: Date | string | null
  reminded_7_at: Date | string | null
  created_at: Date | string
}

export type ApplicationFields = {
  real_name: string
  id_number: string
  city: string
  base_location: string
  specialties: string[]
}

export type DocumentReview =
  | { decision: "approve"; expires_on: string | null; reviewer_id: string }
  | { decision: "reject"; reason: string; reviewer_id: string }

/** An escort applicant's recorded consent to one CMS text at one version. */
export type ApplicantConsentRow = {
  id: string
  escort_id: string
  kind: import("./rules/applicant-consent-kinds").ApplicantConsentKind
  version: string
  accepted_at: Date | string
  withdrawn_at: Date | string | null
}
