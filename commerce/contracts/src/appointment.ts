import type { AppointmentStatus, ClinicSignupStatus } from "./appointment-status.js"

/** Who made a change: the member, a staff user, or the platform itself (a sweep, a payment). */
export type ActorType = "customer" | "staff" | "system"

export type AppointmentHistoryEntry = {
  status: AppointmentStatus
  label: string
  date: string
  slot: string
  note: string | null
  actor_type: ActorType
  at: string
}

/** A collection-site appointment as commerce answers it (GET /store/appointments). */
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
  /** Oldest first. */
  history: AppointmentHistoryEntry[]
  created_at: string
}

/** A member's place at a clinic session (义诊), as commerce answers it. */
export type ClinicSignup = {
  id: string
  session: { id: string; title: string; starts_at: string; place: string | null }
  status: ClinicSignupStatus
  status_label: string
  /** 1-based place on the waitlist while waitlisted. */
  waitlist_position: number | null
  queued_at: string
  promoted_at: string | null
  cancelled_at: string | null
}
