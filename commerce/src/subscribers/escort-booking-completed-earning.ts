import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent } from "../lib/events/domain-events"
import { recordEscortEarningWorkflow } from "../workflows/escort-income/record-escort-earning"

/** 服务完成: the escort's pending earning for the booking (once, however often this runs). */
export default async function escortBookingCompletedEarning({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  await recordEscortEarningWorkflow(container).run({ input: { booking_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: DomainEvent.ESCORT_BOOKING_COMPLETED,
}
