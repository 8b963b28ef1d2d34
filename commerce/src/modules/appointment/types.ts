import type { ActorType, Appointment, AppointmentStatus, ClinicSignup } from "@health/contracts"

export type { ActorType }
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

/** What the store answers (@health/contracts' Appointment), and whose it is for staff. */
export type AppointmentView = Appointment & { customer_id: string }

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

/** What the store answers (@health/contracts' ClinicSignup), and whose it is for staff. */
export type ClinicSignupView = ClinicSignup & { customer_id: string }

export type ClinicSessionSummary = {
  confirmed_count: number
  waitlist_count: number
}
