/**
 * The events commerce's domain workflows emit when they finish (emitEventStep), with their
 * small payloads: ids and what changed. Subscribers (src/subscribers) turn them into
 * notifications and other side effects. Imports nothing of ours.
 */
export const DomainEvent = {
  /** A kit moved to a new status; `event_id` is its timeline entry (one per move). */
  KIT_STATUS_CHANGED: "kit.status_changed",
  /** An appointment was confirmed, rescheduled, cancelled or completed (by member or staff). */
  APPOINTMENT_STATUS_CHANGED: "appointment.status_changed",
  /** A waitlisted member got the place someone gave up at a clinic session. */
  CLINIC_SIGNUP_PROMOTED: "clinic_signup.promoted",
  /** An expert published a 养生评估报告, or a revision of it (`revision` above 1). */
  CONSTITUTION_REVIEW_PUBLISHED: "constitution.review_published",
  /** A WeChat payment whose cart could not become an order was given back. */
  PAYMENT_UNPLACED_REFUNDED: "payment.unplaced_refunded",
  /** An offline order whose payment finance never confirmed was cancelled by the sweep. */
  OFFLINE_ORDER_EXPIRED: "order.offline_payment_expired",
  /** A 陪诊 booking was paid and now waits for an escort (待接单); `{ id }` is the booking. */
  ESCORT_BOOKING_AWAITING_ESCORT: "escort_booking.awaiting_escort",
  /** An escort took a 陪诊 booking (已接单, grab or dispatched offer); `{ id }` is the booking. */
  ESCORT_BOOKING_ACCEPTED: "escort_booking.accepted",
  /** The escort marked a 陪诊 booking 服务完成; `{ id }` is the booking (its income starts). */
  ESCORT_BOOKING_COMPLETED: "escort_booking.completed",
  /** A member disputed a finished 陪诊 (申诉); `{ id }` is the dispute (it becomes a case). */
  ESCORT_DISPUTE_OPENED: "escort_dispute.opened",
  /** An escort's 报备 reached the dispatch board; `{ id }` is the alert (it becomes a case). */
  ESCORT_REPORT_RAISED: "escort_dispatch.report_raised",
} as const

export type DomainEvent = (typeof DomainEvent)[keyof typeof DomainEvent]

/**
 * Emit options: a subscriber that fails (a database hiccup, a provider down) is tried
 * again, as the BullMQ jobs these events replaced were; the Redis event bus skips the
 * subscribers that already succeeded, and notices carry idempotency keys.
 */
export const DOMAIN_EVENT_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
}

export type KitStatusChangedEvent = { kit_id: string; event_id: string }

/** `event_id` is the appointment's timeline entry; `by_staff` says who acted. */
export type AppointmentStatusChangedEvent = {
  appointment_id: string
  event_id: string
  status: string
  by_staff: boolean
}

export type ClinicSignupPromotedEvent = { signup_id: string }

export type ConstitutionReviewPublishedEvent = {
  review_id: string
  assessment_id: string
  revision?: number
}

/** `amount` in fen; `customer_id` is null for a guest's cart (no inbox to tell). */
export type PaymentUnplacedRefundedEvent = {
  /** The payment's provider (WeChat Pay when absent, as events emitted before others existed). */
  provider_id?: string
  out_trade_no: string
  out_refund_no: string
  cart_id: string | null
  customer_id: string | null
  amount: number
  reason: string
}

/** `hours` is the limit the order exceeded; `customer_id` is null for a guest's order. */
export type OfflineOrderExpiredEvent = {
  order_id: string
  display_id: number | null
  customer_id: string | null
  hours: number
}
