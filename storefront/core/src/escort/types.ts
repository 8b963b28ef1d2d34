import type { EscortConsentAcceptance } from "./escort-consents"
import type { EscortBookingStatus, PaymentAction, PaymentChannel } from "@health/contracts"

/** An extra on top of a service (extra hours, wheelchair, dialect), priced in fen. */
export type EscortExtra = { code: string; label: string; price_fen: number }

/** `GET /store/escort-services`: what can be booked, priced in fen. */
export type EscortService = {
  id: string
  variant_id: string
  title: string
  description: string | null
  /** The base price, covering `duration_hours`. */
  price_fen: number
  duration_hours: number
  /** Each started hour beyond `duration_hours`. */
  extra_hour_fen?: number
  specialties?: string[]
  extras: EscortExtra[]
}

/** One step on a booking's timeline, or a 报备 the escort raised (`flagged`). */
export type EscortTimelineEvent = {
  id: string
  status: EscortBookingStatus | string
  status_label: string | null
  at: string
  actor_type: string
  note: string | null
  location: { lat: number; lng: number } | null
  report_type: string | null
  flagged: boolean
  /** The SOP step (挂号, 候诊 …) an event of status `sop_step` records during 陪同就医. */
  sop_step?: string | null
}

/** A booking as its member reads it: the ID number is always masked. */
export type EscortBooking = {
  id: string
  status: EscortBookingStatus
  status_label: string
  service: { id: string; name: string }
  hospital: { id: string | null; name: string }
  department: string
  department_id?: string | null
  city: string
  date: string
  time_window: { start: string; end: string }
  person: { name: string; id_number?: string }
  meeting_point: string
  needs: string[]
  price_fen: number
  escort_id?: string | null
  created_at: string
}

/** What withdrawing the consent to share the person with the escort means for a booking. */
export type EscortSharingWithdrawn = { blocks_service: boolean; message: string }

export type EscortBookingDetail = EscortBooking & {
  events: EscortTimelineEvent[]
  /** Set once the member withdrew the sharing consent (from the account's consent page). */
  sharing_withdrawn?: EscortSharingWithdrawn | null
}

/**
 * `POST /store/escort-bookings`: the service's variant and extras; commerce prices it. The
 * person served is a saved 就诊人 (`person_id`) or typed in (`person`), exactly one of them.
 */
export type NewEscortBooking = (
  | { person_id: string; person?: undefined }
  | { person: { name: string; id_number: string }; person_id?: undefined }
) & {
  variant_id: string
  extras: string[]
  /** Picked from `GET /store/escort-hospitals` (required where the city is in the catalogue). */
  hospital_id?: string | null
  hospital_name: string
  department: string
  department_id?: string | null
  city: string
  date: string
  time_window: { start: string; end: string }
  meeting_point: string
  needs: string[]
  /** The privacy policy and the three consents at the versions shown (escortConsentAcceptances). */
  consents: EscortConsentAcceptance[]
}

/** How the member pays: a provider (in the place they are) and, optionally, their balance. */
export type EscortPayment = {
  provider_id: string
  channel: PaymentChannel
  /** WeChat JSAPI: the payer's openid. */
  openid?: string
  store_credit_fen?: number
}

export type EscortPayResult = { action: PaymentAction; cart_id: string }

export type EscortCancelResult = { booking: EscortBooking; refund_fen: number }
