import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type AppointmentStatusChangedEvent } from "../lib/events/domain-events"
import { APPOINTMENT_MODULE } from "../modules/appointment"
import type AppointmentModuleService from "../modules/appointment/service"
import { appointmentStatusNotice } from "../notifications/appointments.zh-CN"
import { notifyMember } from "../notifications/notify-member"

/** Tells the member what staff did to their appointment (members know what they did). */
export default async function appointmentStatusChangedNotify({
  event,
  container,
}: SubscriberArgs<AppointmentStatusChangedEvent>) {
  const { appointment_id, event_id, by_staff } = event.data
  if (!by_staff) return
  const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
  const [appointment] = await appointments.appointmentViews([appointment_id])
  const [step] = await appointments.listAppointmentEvents({ id: event_id }, { take: 1 })
  const notice =
    appointment &&
    step &&
    appointmentStatusNotice({
      event_id,
      status: step.status,
      date: step.date,
      slot: step.slot,
      site_name: appointment.site.name,
    })
  if (!notice) return
  await notifyMember(container, appointment.customer_id, notice)
}

export const config: SubscriberConfig = {
  event: DomainEvent.APPOINTMENT_STATUS_CHANGED,
}
