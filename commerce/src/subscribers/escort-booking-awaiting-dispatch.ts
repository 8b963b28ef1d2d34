import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent } from "../lib/events/domain-events"
import { offerNextEscortWorkflow } from "../workflows/escort-dispatch/offer-next-escort"

/**
 * A booking was paid (待接单): in an auto-dispatch city the best escort is offered it now
 * rather than at the dispatch queue's next sweep. Grab cities: nothing to do.
 */
export default async function escortBookingAwaitingDispatch({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await offerNextEscortWorkflow(container).run({ input: { booking_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: DomainEvent.ESCORT_BOOKING_AWAITING_ESCORT,
}
