/** Shapes of commerce's /store/appointments and clinic-session routes. */

import type { ClinicSignup } from "@health/contracts"

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

export type ClinicSessionState = {
  session_id: string
  confirmed_count: number
  waitlist_count: number
  signup: ClinicSignup | null
}
