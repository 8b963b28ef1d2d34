import type {
  AppointmentStatus,
  ClinicSignupStatus,
} from "../../lib/appointments/appointment-status"

export type ActorType = "customer" | "staff" | "system"
export type Actor = { actor_type: ActorType; actor_id?: string | null }

export type AppointmentPerson = { name: string | null; phone: string | null }

export type AppointmentRow = {
  id: string
  customer_id: string
  site_id: string
  site_name: string
  site_address: string
  date: string
  slot: string
  order_id: string | null
  kit_id: string | null
  person_ciphertext: string | null
  person_key_id: string | null
  status: AppointmentStatus
  cancelled_by: "customer" | "staff" | null
  cancel_reason: string | null
  created_at: Date | string
}

export type AppointmentView = {
  id: string
  customer_id: string
  site: { id: string; name: string; address: string }
  date: string
  slot: string
  /** When the slot starts, ISO UTC. */
  starts_at: string
  status: AppointmentStatus
  status_label: string
  order_id: string | null
  kit_id: string | null
  person: AppointmentPerson | null
  cancelled_by: "customer" | "staff" | null
  cancel_reason: string | null
  history: {
    status: AppointmentStatus
    label: string
    date: string
    slot: string
    note: string | null
    actor_type: ActorType
    at: string
  }[]
  created_at: string
}

export type NewAppointment = {
  customer_id: string
  site: { id: string; name: string; address: string }
  /** Places in this site's slot. */
  capacity: number
  date: string
  slot: string
  order_id?: string | null
  kit_id?: string | null
  person?: { name?: string | null; phone?: string | null } | null
  /**
   * An order gets one appointment this way, ever: when it already has one (in any status),
   * that one is answered instead of a second. Set by the booking made when an order is placed.
   */
  once_per_order?: boolean
}

export type ClinicSessionSnapshot = {
  id: string
  title: string
  starts_at: string
  place?: string | null
}

export type ClinicSignupView = {
  id: string
  session: { id: string; title: string; starts_at: string; place: string | null }
  customer_id: string
  status: ClinicSignupStatus
  status_label: string
  /** 1-based place on the waitlist while waitlisted. */
  waitlist_position: number | null
  queued_at: string
  promoted_at: string | null
  cancelled_at: string | null
}

export type ClinicSessionSummary = {
  confirmed_count: number
  waitlist_count: number
}
