import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import { escortEarningFen } from "../../modules/escort-income/rules/escort-earning-share"
import type { EscortLevel } from "../../modules/escort-income/rules/escort-level"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import type { EscortEarningRow } from "../../modules/escort-income/types"

/** Bookings whose service is done: only these earn (a cancelled one never does). */
const EARNING_STATUSES = ["completed", "confirmed", "reviewed"]

/**
 * The escort's earning for a finished booking, created once: the share of the price at
 * the escort's level now, pending until `release_hours` after 服务完成. Answers null for a
 * booking that is not (or no longer) finished. Safe to call again: the first row stays.
 */
export async function recordEscortEarning(
  container: Pick<MedusaContainer, "resolve">,
  bookingId: string
): Promise<{ created: boolean; earning: EscortEarningRow } | null> {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
  const booking = await escorts.ownedBooking(bookingId)
  if (!EARNING_STATUSES.includes(booking.status) || !booking.escort_id) return null
  const existing = await income.earningOfBooking(bookingId)
  if (existing) return { created: false, earning: existing }
  const [escort] = await escorts.listEscorts({ id: booking.escort_id }, { take: 1 })
  const settings = await income.settings()
  const level = (escort?.level ?? "trainee") as EscortLevel
  const share = settings.share_percent[level]
  const events = await escorts.bookingEvents(bookingId)
  const completedAt = events.find((event) => event.status === "completed")?.at
  const from = completedAt ? new Date(completedAt) : new Date()
  return income.recordEarning({
    booking_id: bookingId,
    escort_id: booking.escort_id,
    service_name: booking.service_name,
    service_date: booking.service_date,
    price_fen: Number(booking.price_fen),
    level,
    share_percent: share,
    amount_fen: escortEarningFen(Number(booking.price_fen), share),
    release_at: new Date(from.getTime() + settings.release_hours * 3_600_000),
  })
}

export const recordEscortEarningStep = createStep(
  "record-escort-earning",
  async (bookingId: string, { container }) =>
    new StepResponse(await recordEscortEarning(container, bookingId))
)

/** 服务完成 → the escort's pending earning (from the completion event, the sweep or confirm). */
export const recordEscortEarningWorkflow = createWorkflow(
  "record-escort-earning",
  (input: { booking_id: string }) => {
    const recorded = recordEscortEarningStep(input.booking_id)
    return new WorkflowResponse(recorded)
  }
)
