import type { ItemType, ReportContent } from "./rules/report-content"
import type { ExpertAccess } from "./rules/expert-access"

export type AssessmentRow = {
  id: string
  customer_id: string
  doctor_id: string
  question_ciphertext: string
  key_id: string
  consent_at: Date
  consent_withdrawn_at: Date | null
  ends_at: Date
  version: number
  created_at: Date
}

export type AssessmentItemRow = {
  id: string
  assessment_id: string
  customer_id: string
  item_type: ItemType
  item_id: string
  position: number
  withdrawn_at: Date | null
  created_at: Date
}

export type AssessmentVersionRow = {
  id: string
  assessment_id: string
  version: number
  doctor_id: string
  expert_name: string
  payload_ciphertext: string
  key_id: string
  published_at: Date
}

/** An assessment as both sides read it (the question decrypted). */
export type AssessmentView = {
  id: string
  customer_id: string
  doctor_id: string
  question: string
  consent_at: string
  consent_withdrawn_at: string | null
  ends_at: string
  access: ExpertAccess
  version: number
  created_at: string
}

export type AssessmentItemView = {
  id: string
  item_type: ItemType
  item_id: string
  withdrawn_at: string | null
}

export type ReportVersionView = ReportContent & {
  version: number
  expert_name: string
  published_at: string
}

export type GrantInput = {
  customer_id: string
  doctor_id: string
  question: string
  ends_at: Date
  items: { item_type: ItemType; item_id: string }[]
}
