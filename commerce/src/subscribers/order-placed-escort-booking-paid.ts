import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { escortBookingOfOrder } from "../workflows/escort/escort-booking-of-order"
import { markEscortBookingPaidWorkflow } from "../workflows/escort/mark-escort-booking-paid"

/** An order paying for an escort booking moves the booking to 待接单 (once). */
export default async function orderPlacedEscortBookingPaid({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const bookingId = await escortBookingOfOrder(container, event.data.id)
  if (!bookingId) return
  await markEscortBookingPaidWorkflow(container).run({
    input: { order_id: event.data.id, booking_id: bookingId },
  })
}

export const config: SubscriberConfig = { event: "order.placed" }
