import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type AppointmentStatusChangedEvent } from "../lib/events/domain-events"
import { APPOINTMENT_MODULE } from "../modules/appointment"
import type AppointmentModuleService from "../modules/appointment/service"
import { describeSlot } from "../modules/appointment/rules/appointment-calendar"
import { sendMemberEventTemplate } from "../workflows/official-account/send-member-event-template"

/** 预约成功 as the service account's template message, once per confirmation step. */
export default async function appointmentConfirmedOfficialAccount({
  event,
  container,
}: SubscriberArgs<AppointmentStatusChangedEvent>) {
  const { appointment_id, event_id, status } = event.data
  if (status !== "confirmed") return
  const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
  const [appointment] = await appointments.appointmentViews([appointment_id])
  const [step] = await appointments.listAppointmentEvents({ id: event_id }, { take: 1 })
  if (!appointment || !step) return
  await sendMemberEventTemplate(container, {
    customer_id: appointment.customer_id,
    notice_key: `appointment-status:${event_id}`,
    kind: "appointment_confirmed",
    subject: `${appointment.site.name} ${describeSlot(step.date, step.slot)}`,
    status: "预约成功",
    path: "/account/appointments",
  })
}

export const config: SubscriberConfig = { event: DomainEvent.APPOINTMENT_STATUS_CHANGED }
