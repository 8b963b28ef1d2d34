import type { EscortSubscriptionOptions } from "@health/core"
import { memberEventStream } from "../../../lib/member-event-stream"

/**
 * The booking's timeline stream (`GET /store/escort-bookings/:id/events/stream`) with the
 * member's bearer token (lib/member-event-stream.ts: chunked Taro.request on weapp, fetch on
 * H5). Undefined where neither can stream, and the page polls instead.
 */
export function escortTimelineStream(
  token: string,
  bookingId: string
): EscortSubscriptionOptions["stream"] {
  return memberEventStream(
    token,
    `/store/escort-bookings/${encodeURIComponent(bookingId)}/events/stream`
  )
}
