import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { bookingChanges } from "../../../../../../lib/escort-live/booking-change-channel"
import { memberEscortRequest } from "../../../../../escort-request"
import { memberConversationMessages } from "../../messages/member-conversation-messages"
import { streamTimeline } from "./stream-timeline"

/**
 * GET /store/escort-bookings/:id/events/stream: the booking's timeline as Server-Sent Events,
 * for its owner only (another member gets 404 before any stream opens). Sends the events
 * after `Last-Event-ID` (header, or `last_event_id` in the query for clients that cannot set
 * headers), then each new one as it is written, on whichever instance wrote it.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { escorts, customerId } = memberEscortRequest(req)
  const booking = await escorts.ownedBooking(req.params.id, customerId)
  const header = req.headers["last-event-id"]
  const query = req.query.last_event_id
  const lastEventId =
    (typeof header === "string" && header) || (typeof query === "string" && query) || null
  await streamTimeline(res, {
    changes: bookingChanges(),
    bookingId: booking.id,
    lastEventId,
    readEvents: () => escorts.bookingEvents(booking.id),
    messages: memberConversationMessages(req.scope, booking.id),
    logger: req.scope.resolve(ContainerRegistrationKeys.LOGGER),
  })
}
