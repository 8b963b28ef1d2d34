import {
  ESCORT_BOOKING_STATUS_LABELS,
  ESCORT_TIMELINE_STEPS,
  escortBookingStatusLabel,
  type EscortBookingStatus,
} from "@health/contracts"
import type { EscortBookingDetail, EscortService, EscortTimelineEvent } from "./types"

export type EscortTimelineStep = {
  status: EscortBookingStatus
  label: string
  /** When the booking reached the step; null for steps still ahead. */
  at: string | null
  state: "done" | "current" | "upcoming"
}

export type EscortTimelinePicture = {
  steps: EscortTimelineStep[]
  /** 已取消 / 已退款: the booking left the line here. */
  ending: { status: EscortBookingStatus; label: string; at: string | null } | null
  /** 报备 the escort raised during the service, oldest first. */
  reports: EscortTimelineEvent[]
  /** SOP steps (挂号, 候诊 …) the escort recorded during 陪同就医, in the order they were done. */
  sopSteps: EscortTimelineEvent[]
}

/** The status of a timeline event recording an SOP step; it never moves the booking. */
export const ESCORT_SOP_STEP_EVENT = "sop_step"

const ENDINGS: EscortBookingStatus[] = ["cancelled", "refunded"]
const FINAL: EscortBookingStatus[] = ["confirmed", "reviewed", "cancelled", "refunded"]

/**
 * The timeline as the member's page draws it: each step with the time it was reached, the
 * booking's current step highlighted; a cancelled booking keeps the steps it reached and
 * shows how it ended.
 */
export function escortTimeline(booking: EscortBookingDetail): EscortTimelinePicture {
  const steps = booking.events.filter(
    (event) => !event.flagged && event.status !== ESCORT_SOP_STEP_EVENT
  )
  const reachedAt = (status: string) =>
    steps.filter((event) => event.status === status).at(-1)?.at ?? null
  const ended = ENDINGS.includes(booking.status)
  const reachedIndex = Math.max(
    -1,
    ...steps.map((event) => ESCORT_TIMELINE_STEPS.indexOf(event.status as never))
  )
  const currentIndex = ended
    ? -1
    : Math.max(ESCORT_TIMELINE_STEPS.indexOf(booking.status as never), reachedIndex)
  return {
    steps: ESCORT_TIMELINE_STEPS.map((status, index) => ({
      status,
      label: ESCORT_BOOKING_STATUS_LABELS[status],
      at: index <= Math.max(currentIndex, reachedIndex) ? reachedAt(status) : null,
      state:
        index === currentIndex
          ? "current"
          : index < currentIndex || (ended && index <= reachedIndex)
            ? "done"
            : "upcoming",
    })),
    ending: ended
      ? {
          status: booking.status,
          label: escortBookingStatusLabel(booking.status),
          at: reachedAt(booking.status),
        }
      : null,
    reports: booking.events.filter((event) => event.flagged),
    sopSteps: booking.events.filter(
      (event) => !event.flagged && event.status === ESCORT_SOP_STEP_EVENT
    ),
  }
}

/**
 * Adds a pushed event to the booking (once, in time order); a step moves the booking's
 * status, a 报备 does not. Returns the same object when the event was already there.
 */
export function applyEscortTimelineEvent(
  booking: EscortBookingDetail,
  event: EscortTimelineEvent
): EscortBookingDetail {
  if (booking.events.some((known) => known.id === event.id)) return booking
  const events = [...booking.events, event].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id)
  )
  const moves = !event.flagged && event.status in ESCORT_BOOKING_STATUS_LABELS
  const status = moves ? (event.status as EscortBookingStatus) : booking.status
  return {
    ...booking,
    events,
    status,
    status_label: moves ? escortBookingStatusLabel(status) : booking.status_label,
  }
}

/** Whether anything will still happen to the booking (no need to keep watching). */
export function isEscortBookingFinal(status: EscortBookingStatus): boolean {
  return FINAL.includes(status)
}

/** What the member may do with the booking now (commerce still decides; this picks buttons). */
export function escortBookingActions(status: EscortBookingStatus) {
  return {
    pay: status === "pending_payment",
    // After the escort has set off the rule gives no refund; commerce answers what it gives.
    cancel: status === "pending_payment" || status === "awaiting_escort" || status === "accepted",
    confirm: status === "completed",
  }
}

const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(":").map(Number)
  return hours * 60 + minutes
}

/**
 * The price shown while booking, in fen, by commerce's rule: the base price covers the
 * service's hours, each started hour beyond them costs the hourly rate, each chosen extra
 * its price once. Commerce prices the booking itself; this only previews it.
 */
export function escortPriceFen(
  service: EscortService,
  choice: { start?: string; end?: string; extras: readonly string[] }
): number {
  const booked =
    choice.start && choice.end ? Math.max(0, minutesOf(choice.end) - minutesOf(choice.start)) : 0
  const extraHours = Math.ceil(Math.max(0, booked - service.duration_hours * 60) / 60)
  return service.extras
    .filter((extra) => choice.extras.includes(extra.code))
    .reduce(
      (total, extra) => total + extra.price_fen,
      service.price_fen + extraHours * (service.extra_hour_fen ?? 0)
    )
}
