import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent } from "../lib/events/domain-events"
import { announceEscortBookingChange } from "../workflows/escort/publish-escort-booking-change"

/**
 * A booking was paid (待接单, by the provider's notification or the sweep): the member is
 * usually watching the timeline right then, so its open streams hear of it at once.
 */
export default async function escortBookingLivePush({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await announceEscortBookingChange(container, event.data.id)
}

export const config: SubscriberConfig = {
  event: DomainEvent.ESCORT_BOOKING_AWAITING_ESCORT,
}
