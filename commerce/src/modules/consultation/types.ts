import type { AdviceNote } from "./rules/advice-note"
import type { ConsultationStatus } from "./rules/consultation-status"

export type ConsultationMode = "text" | "phone" | "video"
export type ModePrices = Partial<Record<ConsultationMode, number>>
export type MessageSender = "member" | "doctor" | "staff"

export type DoctorRow = {
  id: string
  cms_document_id: string | null
  name: string
  title: string | null
  hospital: string | null
  departments: string[]
  specialties: string[]
  introduction: string | null
  photo_url: string | null
  phone: string | null
  license_number: string | null
  license_verified_at: Date | string | null
  prices: ModePrices
  weekly_schedule: Record<string, [string, string][]>
  on_duty: boolean
}

export type DoctorLicenseKind = "practice_license" | "qualification" | "title_certificate"

export type DoctorLicenseDocumentRow = {
  id: string
  doctor_id: string
  kind: DoctorLicenseKind
  status: "pending" | "approved" | "rejected"
  rejection_reason: string | null
  mime_type: string
  size: number
  file_id: string
  key_id: string
  reviewed_by: string | null
  reviewed_at: Date | string | null
  created_at: Date | string
}

/** A doctor as members see them: no phone, licence number shown (it is public in China). */
export type DoctorView = {
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
  prices: ModePrices
  on_duty: boolean
}

export type ConsultationRow = {
  id: string
  customer_id: string
  doctor_id: string
  mode: ConsultationMode
  status: ConsultationStatus
  question_ciphertext: string
  key_id: string
  price_fen: string | number
  cart_id: string | null
  order_id: string | null
  paid_at: Date | string | null
  answer_due_at: Date | string | null
  accepted_at: Date | string | null
  completed_at: Date | string | null
  cancelled_at: Date | string | null
  refunded_at: Date | string | null
  refund_fen: string | number | null
  refund_reason: string | null
  advice_ciphertext: string | null
  advice_key_id: string | null
  advice_at: Date | string | null
  created_at: Date | string
}

export type TimelineEvent = { id: string; status: ConsultationStatus; label: string; at: string }

export type ConsultationView = {
  id: string
  mode: ConsultationMode
  status: ConsultationStatus
  status_label: string
  question: string
  price_fen: number
  doctor: DoctorView | null
  paid_at: string | null
  answer_due_at: string | null
  accepted_at: string | null
  completed_at: string | null
  refunded_at: string | null
  refund_fen: number | null
  refund_reason: string | null
  advice: (AdviceNote & { labels: Record<string, string>; disclaimer: string; at: string }) | null
  events: TimelineEvent[]
  /** The booked slot of a phone or video consultation (while held). */
  slot: { start: string; end: string } | null
  created_at: string
}

export type ConsultationMessageRow = {
  id: string
  consultation_id: string
  sender_type: MessageSender
  sender_id: string
  text_ciphertext: string | null
  key_id: string | null
  attachment_id: string | null
  created_at: Date | string
}

export type AttachmentRow = {
  id: string
  consultation_id: string
  uploader_type: "member" | "doctor"
  uploader_id: string
  mime_type: string
  size: number
  file_id: string
  key_id: string
  created_at: Date | string
}

export type ConsultationMessageView = {
  id: string
  from: MessageSender
  text: string | null
  attachment: { id: string; mime_type: string; url: string } | null
  created_at: string
}

export type SharedItemRow = {
  id: string
  consultation_id: string
  customer_id: string
  item_type: "report" | "upload"
  item_id: string
  withdrawn_at: Date | string | null
  created_at: Date | string
}

export type ScheduleRuleRow = {
  id: string
  doctor_id: string
  weekday: number
  start_time: string
  end_time: string
  slot_minutes: number
  modes: ("phone" | "video")[]
  capacity: number
}

export type ScheduleExceptionRow = {
  id: string
  doctor_id: string
  date: string
  kind: "day_off" | "extra_hours"
  start_time: string | null
  end_time: string | null
  slot_minutes: number | null
  modes: ("phone" | "video")[] | null
  capacity: number | null
  note: string | null
}

export type SlotBookingRow = {
  id: string
  doctor_id: string
  consultation_id: string
  customer_id: string
  mode: "phone" | "video"
  slot_start: Date | string
  slot_end: Date | string
  seat: number
  released_at: Date | string | null
}

/** A bookable slot as members see it: what is left of its capacity. */
export type SlotView = {
  start: string
  end: string
  modes: ("phone" | "video")[]
  capacity: number
  remaining: number
}

export type FollowUpRow = {
  id: string
  doctor_id: string
  customer_id: string
  consultation_id: string | null
  due_date: string
  note_ciphertext: string
  key_id: string
  reminded_at: Date | string | null
  created_at: Date | string
}

export type FollowUpView = {
  id: string
  doctor_id: string
  consultation_id: string | null
  due_date: string
  note: string
  reminded_at: string | null
  created_at: string
}

export type PatientNoteRow = {
  id: string
  doctor_id: string
  customer_id: string
  note_ciphertext: string
  key_id: string
  created_at: Date | string
}

/** One member a doctor has consulted (paid consultations only). */
export type PatientSummary = {
  customer_id: string
  consultations: number
  last_consulted_at: string
}
