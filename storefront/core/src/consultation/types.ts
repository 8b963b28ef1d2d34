/** 问诊 as commerce answers it (README: "问诊 (client contract)"). */

export type ConsultationMode = "text" | "phone" | "video"

export type ConsultationStatus =
  | "pending_payment"
  | "awaiting_doctor"
  | "in_progress"
  | "completed"
  | "cancelled"
  | "refunded"

export type Doctor = {
  id: string
  name: string
  title: string | null
  hospital: string | null
  departments: string[]
  specialties: string[]
  introduction: string | null
  photo_url: string | null
  license_number: string | null
  license_verified: boolean
  /** Fen per mode; a mode without a price is not offered. */
  prices: Partial<Record<ConsultationMode, number>>
  on_duty: boolean
}

export type AdviceNote = {
  health_advice: string
  follow_up_advice: string | null
  labels: { health_advice: string; follow_up_advice: string }
  disclaimer: string
  at: string
}

export type ConsultationEvent = {
  id: string
  status: ConsultationStatus
  label: string
  at: string
}

export type ConsultationMessage = {
  id: string
  from: "member" | "doctor" | "staff"
  text: string | null
  attachment: { id: string; mime_type: string; url: string } | null
  created_at: string
}

export type Consultation = {
  id: string
  mode: ConsultationMode
  status: ConsultationStatus
  status_label: string
  question: string
  price_fen: number
  doctor: Doctor | null
  paid_at: string | null
  answer_due_at: string | null
  accepted_at: string | null
  completed_at: string | null
  refunded_at: string | null
  refund_fen: number | null
  refund_reason: string | null
  advice: AdviceNote | null
  events: ConsultationEvent[]
  created_at: string
}

export type MemberSharedItem = {
  id: string
  item_type: "report" | "upload"
  item_id: string
  withdrawn_at: string | null
}

export type DoctorSharedItem = { id: string; item_type: "report" | "upload"; url: string }

export type ConsultationDetail<Shared = MemberSharedItem> = Consultation & {
  messages: ConsultationMessage[]
  shared_items: Shared[]
}

/** The doctor's desk tabs. */
export type DoctorQueueTab = "waiting" | "active" | "done"

export const DOCTOR_QUEUE_TABS: { tab: DoctorQueueTab; label: string }[] = [
  { tab: "waiting", label: "待接诊" },
  { tab: "active", label: "进行中" },
  { tab: "done", label: "已完成" },
]

export type DoctorProfile = Doctor & { weekly_schedule: Record<string, [string, string][]> }

/** An advice note as the health archive lists it (`GET /store/health-archive/assessments`). */
export type ArchivedAdviceNote = {
  id: string
  kind: "consultation_advice"
  consultation_id: string
  doctor_id: string
  advice: AdviceNote
  created_at: string
}
