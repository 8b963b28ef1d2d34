import type { EscortBookingStatus } from "./rules/escort-booking-status"

export type EscortActor = {
  actor_type: "customer" | "escort" | "staff" | "system"
  actor_id: string | null
}

export type NewEscortBooking = {
  customer_id: string
  service_id: string
  service_name: string
  hospital_id: string | null
  hospital_name: string
  department_name: string
  department_id?: string | null
  city: string
  service_date: string
  start_time: string
  end_time: string
  person: { name: string; id_number: string }
  meeting_point: string
  needs: string[]
  variant_id: string
  extras: string[]
  price_fen: number
}

export type EscortBookingRow = {
  id: string
  customer_id: string
  service_id: string
  service_name: string
  hospital_id: string | null
  hospital_name: string
  department_name: string
  department_id: string | null
  city: string
  service_date: string
  start_time: string
  end_time: string
  person_name: string
  person_id_masked: string
  meeting_point: string
  needs: string[]
  variant_id: string | null
  extras: string[]
  price_fen: number
  status: EscortBookingStatus
  escort_id: string | null
  accepted_at: Date | string | null
  cart_id: string | null
  order_id: string | null
  paid_at: Date | string | null
  cancelled_at: Date | string | null
  refund_fen: number | null
  cancel_fee_fen: number | null
  created_at: Date | string
}

export type EscortBookingEventView = {
  id: string
  status: string
  status_label: string | null
  at: string
  actor_type: string
  note: string | null
  location: unknown
  report_type: string | null
  flagged: boolean
  /** Served to the booking's parties at …/messages/images/:upload_id. */
  photo_upload_ids: string[]
  /** The SOP step an event of status `sop_step` records (挂号 …); null for other events. */
  sop_step: string | null
}

/**
 * How a booking reads to whom: its member, the escort on it, the escort on it once their
 * access to the patient ended, an escort browsing open tasks, staff.
 */
export type EscortBookingAudience =
  | "member"
  | "assigned_escort"
  | "ended_task"
  | "open_task"
  | "staff"

/** One step of a department's SOP: `step` is its Chinese name (挂号 … 其他), `step_key` the CMS key. */
export type EscortSopStep = { step: string; step_key: string; title: string; tips: string | null }

export type EscortDepartment = { id: string; name: string; sop: EscortSopStep[] }

/** A hospital as the synced catalogue keeps it (and /store/escort-hospitals shows it). */
export type EscortHospitalView = {
  id: string
  name: string
  level: string
  city: string
  address: string
  latitude: number
  longitude: number
  guide: string | null
  departments: EscortDepartment[]
}

/** A hospital read from the CMS, ready to be kept: its order among the city's hospitals too. */
export type SyncedEscortHospital = EscortHospitalView & { sort: number }

/** The timeline status of an SOP step done during 陪同就医 (the event names the step in `sop_step`). */
export const SOP_STEP_STATUS = "sop_step"
