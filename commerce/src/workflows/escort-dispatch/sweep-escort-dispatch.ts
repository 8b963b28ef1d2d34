import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_MODULE } from "../../modules/escort"
import type EscortModuleService from "../../modules/escort/service"
import { ESCORT_DISPATCH_MODULE } from "../../modules/escort-dispatch"
import type EscortDispatchModuleService from "../../modules/escort-dispatch/service"
import { offerNextEscortWorkflow, type OfferOutcome } from "./offer-next-escort"
import { raiseDispatchAlerts } from "./raise-dispatch-alerts"

/**
 * The dispatch queue's periodic run: offers past their deadline expire and their bookings
 * go to the next escort; 待接单 bookings of auto cities with no live offer (just paid, or
 * the city just switched to auto) are offered to the best escort. Each offer is its own
 * workflow, so one failing booking does not hold up the rest. Then anomaly alerts.
 */
export async function sweepEscortDispatch(container: MedusaContainer, now = new Date()) {
  const escorts = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const dispatch = container.resolve<EscortDispatchModuleService>(ESCORT_DISPATCH_MODULE)
  const expired = await dispatch.expireOverdueOffers(now)
  const autoCities = (await dispatch.citySettings())
    .filter((setting) => setting.mode === "auto")
    .map((setting) => setting.city)
  const waiting = autoCities.length
    ? await escorts.listEscortBookings(
        { status: "awaiting_escort", escort_id: null, city: autoCities },
        { select: ["id"], take: 200, order: { created_at: "ASC" } }
      )
    : []
  const bookingIds = [...new Set([...expired, ...waiting.map((booking) => booking.id)])]
  const outcomes: Record<string, OfferOutcome | { outcome: "failed"; message: string }> = {}
  for (const booking_id of bookingIds) {
    try {
      const { result } = await offerNextEscortWorkflow(container).run({ input: { booking_id } })
      outcomes[booking_id] = result
    } catch (error) {
      outcomes[booking_id] = { outcome: "failed", message: (error as Error).message }
    }
  }
  const alerts = await raiseDispatchAlerts(container, now)
  return { expired: expired.length, outcomes, alerts }
}
