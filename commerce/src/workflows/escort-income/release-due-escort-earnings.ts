import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_INCOME_MODULE } from "../../modules/escort-income"
import type EscortIncomeModuleService from "../../modules/escort-income/service"
import { recordEscortEarning } from "./record-escort-earning"

/** How far back the sweep looks for finished bookings that missed their earning. */
const CATCH_UP_DAYS = 7

/**
 * The escort-income queue's periodic run. First a finished booking of the last days still
 * without an earning gets one (its completion event never arrived), then every pending
 * earning past its release time without a dispute becomes available (24 h after 服务完成
 * by default). `now` is a parameter so tests and operations can run it for a chosen moment.
 */
export async function releaseDueEscortEarnings(container: MedusaContainer, now = new Date()) {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const income = container.resolve<EscortIncomeModuleService>(ESCORT_INCOME_MODULE)
  const finished = await escorts.listEscortBookings(
    {
      status: ["completed", "confirmed", "reviewed"],
      updated_at: { $gte: new Date(now.getTime() - CATCH_UP_DAYS * 86_400_000) },
    },
    { select: ["id"], take: 500, order: { updated_at: "ASC" } }
  )
  const earned = finished.length
    ? await income.listEscortEarnings(
        { booking_id: finished.map((booking) => booking.id) },
        { select: ["booking_id"] }
      )
    : []
  const have = new Set(earned.map((earning) => earning.booking_id))
  let recorded = 0
  for (const { id } of finished.filter((booking) => !have.has(booking.id))) {
    const result = await recordEscortEarning(container, id)
    if (result?.created) recorded++
  }
  const released = await income.releaseDue(now)
  return { recorded, released: released.length }
}
