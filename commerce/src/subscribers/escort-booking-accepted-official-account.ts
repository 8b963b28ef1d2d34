import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent } from "../lib/events/domain-events"
import { ESCORT_MODULE } from "../modules/escort"
import type EscortModuleService from "../modules/escort/service"
import { sendMemberEventTemplate } from "../workflows/official-account/send-member-event-template"

/** 陪诊已接单 as the service account's template message, once per booking and escort. */
export default async function escortBookingAcceptedOfficialAccount({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const escort = container.resolve<EscortModuleService>(ESCORT_MODULE)
  const [booking] = await escort.listEscortBookings({ id: event.data.id }, { take: 1 })
  if (!booking) return
  await sendMemberEventTemplate(container, {
    customer_id: booking.customer_id,
    notice_key: `escort-booking-accepted:${booking.id}:${booking.escort_id ?? ""}`,
    kind: "escort_booking",
    subject: `${booking.service_name}（${booking.hospital_name}）`,
    status: "已接单",
    path: `/account/escort/${booking.id}`,
  })
}

export const config: SubscriberConfig = { event: DomainEvent.ESCORT_BOOKING_ACCEPTED }
