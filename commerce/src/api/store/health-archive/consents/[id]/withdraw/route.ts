import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ESCORT_MODULE } from "../../../../../../modules/escort"
import { sharingWithdrawnNotice } from "../../../../../../modules/escort/rules/sharing-withdrawn-notice"
import type EscortModuleService from "../../../../../../modules/escort/service"
import { archiveRequest } from "../../../../../health-archive-request"

/**
 * Withdraws one consent; the record of having signed it stays, with the time withdrawn.
 * Withdrawing an escort booking's sharing consent also answers what it means for that
 * booking (`escort_booking`): before the service it cannot go ahead (the member may cancel
 * it with a refund), afterwards only further sharing stops.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { archive, actorId, log } = archiveRequest(req)
  const consent = await archive.withdrawConsent(actorId, req.params.id)
  await log(actorId, "withdraw", "consent", consent.id)
  if (consent.kind !== "escort_sharing" || !consent.escort_booking_id) {
    return res.json({ consent })
  }
  const escorts = req.scope.resolve<EscortModuleService>(ESCORT_MODULE)
  const booking = await escorts.ownedBooking(consent.escort_booking_id, actorId)
  const notice = sharingWithdrawnNotice(booking.status)
  res.json({
    consent,
    escort_booking: {
      id: booking.id,
      status: booking.status,
      ...notice,
      cancel_path: notice.blocks_service ? `/store/escort-bookings/${booking.id}/cancel` : null,
    },
  })
}
