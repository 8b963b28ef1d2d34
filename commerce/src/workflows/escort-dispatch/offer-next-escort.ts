import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_BUSY_STATUSES } from "../../modules/escort/rules/escort-booking-status"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import {
  rankEscorts,
  type DispatchCandidate,
} from "../../modules/escort-dispatch/rules/rank-escorts"
import { scheduleRefusal, windowsOverlap } from "../../modules/escort-dispatch/rules/schedule"
import { escortRatings } from "../escort-review/escort-rating-inputs"
import { trainedEscortIds } from "../escort-training/check-escort-training"

type Input = { booking_id: string }

/** What came of offering: the offer, or why none was made. */
export type OfferOutcome =
  | { outcome: "offered"; offer_id: string; escort_id: string; expires_at: string }
  | { outcome: "skipped"; reason: "not_awaiting" | "grab_city" | "offer_live" | "no_escort" }

/**
 * The candidates for one booking: active, trained escorts of its city not offered it before, with
 * their schedule, overlapping busy tasks and finished services at the same hospital.
 */
async function candidatesFor(
  container: MedusaContainer,
  booking: Awaited<ReturnType<EscortModuleService["ownedBooking"]>>,
  excluded: string[]
): Promise<DispatchCandidate[]> {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  const active = (await escorts.listEscorts({ city: booking.city, status: "active" })).filter(
    (escort) => !excluded.includes(escort.id)
  )
  // Only escorts whose required training certificates are valid are offered tasks.
  const trained = new Set(
    await trainedEscortIds(
      container,
      active.map((escort) => escort.id)
    )
  )
  const pool = active.filter((escort) => trained.has(escort.id))
  if (!pool.length) return []
  const ids = pool.map((escort) => escort.id)
  const schedules = await dispatch.schedulesOf(ids)
  const busy = await escorts.listEscortBookings(
    { escort_id: ids, service_date: booking.service_date, status: ESCORT_BUSY_STATUSES },
    { select: ["escort_id", "service_date", "start_time", "end_time"] }
  )
  const done = await escorts.listEscortBookings(
    {
      escort_id: ids,
      ...(booking.hospital_id
        ? { hospital_id: booking.hospital_id }
        : { hospital_name: booking.hospital_name }),
      status: ["completed", "confirmed", "reviewed"],
    },
    { select: ["escort_id", "department_name"] }
  )
  const ratings = await escortRatings(container, ids)
  const task = {
    date: booking.service_date,
    start_time: booking.start_time,
    end_time: booking.end_time,
  }
  return pool.map((escort) => {
    const theirs = done.filter((row) => row.escort_id === escort.id)
    return {
      escort_id: escort.id,
      schedule_free: scheduleRefusal(schedules.get(escort.id) ?? null, task) === null,
      overlaps: busy.some(
        (row) =>
          row.escort_id === escort.id &&
          windowsOverlap(task, {
            date: row.service_date,
            start_time: row.start_time,
            end_time: row.end_time,
          })
      ),
      // Escorts carry no coordinates or specialties yet (trust & safety issue).
      distance_km: null,
      rating: ratings.get(escort.id)?.average ?? null,
      hospital_services: theirs.length,
      department_services: theirs.filter((row) => row.department_name === booking.department_name)
        .length,
      specialty_match: null,
    }
  })
}

export const offerNextEscortStep = createStep(
  "offer-next-escort",
  async (input: Input, { container }) => {
    const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
    const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
    const booking = await escorts.ownedBooking(input.booking_id)
    const skipped = (reason: Extract<OfferOutcome, { outcome: "skipped" }>["reason"]) =>
      new StepResponse<OfferOutcome, string | null>({ outcome: "skipped", reason }, null)
    if (booking.status !== "awaiting_escort" || booking.escort_id) return skipped("not_awaiting")
    const setting = await dispatch.settingFor(booking.city)
    if (setting.mode !== "auto") return skipped("grab_city")
    if (await dispatch.liveOffer(booking.id)) return skipped("offer_live")
    const excluded = await dispatch.offeredEscortIds(booking.id)
    const [best] = rankEscorts(await candidatesFor(container, booking, excluded))
    if (!best) return skipped("no_escort")
    const expiresAt = new Date(Date.now() + setting.accept_minutes * 60_000)
    const offer = await dispatch.createOffer(booking.id, best.escort_id, expiresAt)
    // A parallel run offered it first: theirs stands.
    if (!offer) return skipped("offer_live")
    return new StepResponse<OfferOutcome, string | null>(
      {
        outcome: "offered",
        offer_id: offer.id,
        escort_id: offer.escort_id,
        expires_at: new Date(offer.expires_at).toISOString(),
      },
      offer.booking_id
    )
  },
  async (bookingId, { container }) => {
    if (bookingId) {
      await container
        .resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
        .withdrawOffers(bookingId)
    }
  }
)

/**
 * Auto-dispatch: offers a 待接单 booking of an `auto` city to the best-ranked escort not yet
 * offered it, with the city's accept deadline. Does nothing in grab cities, while an offer
 * is live, or when no escort is left (the unaccepted-task alert then tells operations).
 */
export const offerNextEscortWorkflow = createWorkflow("offer-next-escort", (input: Input) => {
  return new WorkflowResponse(offerNextEscortStep(input))
})
