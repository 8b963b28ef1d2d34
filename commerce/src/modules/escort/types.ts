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
}

/** How a booking reads to whom: its member, the escort on it, an escort browsing open tasks. */
export type EscortBookingAudience = "member" | "assigned_escort" | "open_task" | "staff"
