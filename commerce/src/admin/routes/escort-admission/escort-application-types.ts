/** An application as GET /admin/escort-admission answers it (the ID number masked). */
export type AdmissionDocument = {
  id: string
  kind: string
  kind_label: string
  title: string | null
  status: "pending" | "approved" | "rejected"
  status_label: string
  rejection_reason: string | null
  expires_on: string | null
  created_at: string
}

export type EscortApplication = {
  id: string
  status: "draft" | "submitted" | "approved" | "suspended"
  status_label: string
  real_name: string | null
  id_number_masked: string | null
  city: string | null
  base_location: string | null
  specialties: string[]
  verified: boolean
  submitted_at: string | null
  suspension_reason: string | null
  requirements: { code: string; label: string; met: boolean }[]
  documents: AdmissionDocument[]
}
