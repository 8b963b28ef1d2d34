import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent } from "../lib/events/domain-events"
import { insureEscortBookingWorkflow } from "../workflows/escort-case/insure-escort-booking"

/** A booking was paid (待接单): the insurer issues its liability policy (once per booking). */
export default async function escortCaseInsureBooking({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await insureEscortBookingWorkflow(container).run({ input: event.data.id })
}

export const config: SubscriberConfig = {
  event: DomainEvent.ESCORT_BOOKING_AWAITING_ESCORT,
}
