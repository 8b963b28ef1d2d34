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
  /** 电话问诊: the calls through the middle number (detail views only). */
  calls?: {
    id: string
    started_at: string | null
    ended_at: string | null
    duration_seconds: number
  }[]
  /** The booked slot of a phone or video consultation (ISO instants). */
  slot?: { start: string; end: string } | null
  created_at: string
}

export type SlotMode = "phone" | "video"

/** A bookable slot of a doctor (Asia/Shanghai schedule, ISO instants), seats left in `remaining`. */
export type ConsultationSlot = {
  start: string
  end: string
  modes: SlotMode[]
  capacity: number
  remaining: number
}

/** One weekly window: ISO weekday (1 = 周一), `HH:MM`–`HH:MM` Beijing time. */
export type ScheduleRule = {
  id?: string
  weekday: number
  start: string
  end: string
  slot_minutes: number
  modes: SlotMode[]
  capacity: number
}

/** 停诊 (a whole day, or start–end) or 加诊 on one date. */
export type ScheduleException = {
  id: string
  date: string
  kind: "day_off" | "extra_hours"
  start: string | null
  end: string | null
  slot_minutes: number | null
  modes: SlotMode[] | null
  capacity: number | null
  note: string | null
}

export type DoctorSchedule = {
  on_duty: boolean
  rules: ScheduleRule[]
  exceptions: ScheduleException[]
  slots: ConsultationSlot[]
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

/** A follow-up (复诊) a doctor scheduled: the member is reminded at 09:00 Beijing time that day. */
export type FollowUp = {
  id: string
  doctor_id: string
  consultation_id: string | null
  due_date: string
  note: string
  reminded_at: string | null
  created_at: string
  /** In the member's list. */
  doctor_name?: string | null
}

export type PatientSummary = {
  customer_id: string
  name: string
  consultations: number
  last_consulted_at: string
}

export type PatientDetail = {
  customer_id: string
  name: string
  consultations: Consultation[]
  shared_items: {
    id: string
    consultation_id: string
    item_type: "report" | "upload"
    url: string
  }[]
  notes: { id: string; text: string; created_at: string }[]
  follow_ups: FollowUp[]
}
