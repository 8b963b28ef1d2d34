import type { ScheduleRule } from "./rules/schedule"

export type DispatchMode = "grab" | "auto"

export type CityDispatchSetting = { city: string; mode: DispatchMode; accept_minutes: number }

export type EscortScheduleView = ScheduleRule & { escort_id: string }

export type DispatchOfferRow = {
  id: string
  booking_id: string
  escort_id: string
  status: "offered" | "accepted" | "declined" | "expired" | "withdrawn"
  expires_at: Date | string
  round: number
  created_at: Date | string
}

export type DispatchAlertKind =
  | "not_accepted"
  | "not_departed"
  | "not_arrived"
  | "no_progress"
  | "report"

export type DispatchAlertRow = {
  id: string
  booking_id: string
  kind: DispatchAlertKind
  city: string
  message: string
  sms_sent_at: Date | string | null
  resolved_at: Date | string | null
  resolved_by: string | null
  resolution_note: string | null
  created_at: Date | string
}

/** A line of the on-duty roster (phone in +86 form; Beijing weekdays and hours). */
export type DutyShiftRow = {
  id: string
  phone: string
  name: string
  weekdays: number[]
  start_time: string
  end_time: string
}
