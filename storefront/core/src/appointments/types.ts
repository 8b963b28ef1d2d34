/** Shapes of commerce's /store/appointments and clinic-session routes. */

import type { AppointmentStatus, ClinicSignupStatus } from "@health/contracts"

export type Appointment = {
  id: string
  site: { id: string; name: string; address: string }
  /** Beijing calendar day, YYYY-MM-DD. */
  date: string
  /** "09:00-10:00" */
  slot: string
  /** When the slot starts, ISO UTC. */
  starts_at: string
  status: AppointmentStatus
  status_label: string
  order_id: string | null
  kit_id: string | null
  person: { name: string | null; phone: string | null } | null
  cancelled_by: "customer" | "staff" | null
  cancel_reason: string | null
  history: {
    status: AppointmentStatus
    label: string
    date: string
    slot: string
    note: string | null
    actor_type: "customer" | "staff" | "system"
    at: string
  }[]
  created_at: string
}

export type NewAppointment = {
  site_id: string
  date: string
  slot: string
  person_name?: string
  person_phone?: string
  order_id?: string
}

export type SlotAvailability = {
  slot: string
  capacity: number
  remaining: number
  bookable: boolean
}

export type SiteAvailability = {
  site: {
    id: string
    name: string
    address: string
    phone: string | null
    hours: string | null
    capacity_per_slot: number
  }
  slots: string[]
  max_days_ahead: number
  days: { date: string; slots: SlotAvailability[] }[]
}

export type ClinicSignup = {
  id: string
  session: { id: string; title: string; starts_at: string; place: string | null }
  status: ClinicSignupStatus
  status_label: string
  /** 1-based place on the waitlist while waiting. */
  waitlist_position: number | null
  queued_at: string
  promoted_at: string | null
  cancelled_at: string | null
}

export type ClinicSessionState = {
  session_id: string
  confirmed_count: number
  waitlist_count: number
  signup: ClinicSignup | null
}
