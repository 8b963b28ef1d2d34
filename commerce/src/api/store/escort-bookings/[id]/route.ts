import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sharingWithdrawnNotice } from "../../../../modules/escort/rules/sharing-withdrawn-notice"
import { HEALTH_ARCHIVE_MODULE } from "../../../../modules/health-archive"
import type HealthArchiveModuleService from "../../../../modules/health-archive/service"
import { memberEscortRequest } from "../../../escort-request"

/**
 * GET /store/escort-bookings/:id: one of the member's bookings with its timeline in order,
 * and, when the member withdrew the consent to share the person's details with the escort,
 * what that means for the booking (`sharing_withdrawn`).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, customerId } = memberEscortRequest(req)
  const row = await escorts.ownedBooking(req.params.id, customerId)
  const events = await escorts.bookingEvents(row.id)
  const archive = req.scope.resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
  const withdrawn = (await archive.escortSharingWithdrawn([row.id])).has(row.id)
  res.json({
    booking: {
      ...escorts.presentBooking(row, "member"),
      events,
      sharing_withdrawn: withdrawn ? sharingWithdrawnNotice(row.status) : null,
    },
  })
}
