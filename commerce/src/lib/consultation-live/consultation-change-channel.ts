import { BookingChangeChannel } from "../escort-live/booking-change-channel"

let shared: BookingChangeChannel | undefined

/**
 * "Consultation X changed" (status or a new message), across commerce instances through
 * Redis pub/sub: the escort timeline's channel with its own topic.
 */
export function consultationChanges(): BookingChangeChannel {
  shared ??= new BookingChangeChannel(process.env.REDIS_URL, "consultation-changed")
  return shared
}
