import { BookingChangeChannel } from "../escort-live/booking-change-channel"

let shared: BookingChangeChannel | undefined

/**
 * "Group session X's room changed" (a question asked, decided or answered), across commerce
 * instances through Redis pub/sub: the escort timeline's channel with its own topic.
 */
export function groupSessionChanges(): BookingChangeChannel {
  shared ??= new BookingChangeChannel(process.env.REDIS_URL, "group-session-changed")
  return shared
}
