import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { DomainEvent, type ClinicSignupPromotedEvent } from "../lib/events/domain-events"
import { APPOINTMENT_MODULE } from "../modules/appointment"
import type AppointmentModuleService from "../modules/appointment/service"
import { clinicPromotedNotice } from "../notifications/appointments.zh-CN"
import { notifyMember } from "../notifications/notify-member"

/** Tells a member promoted from a clinic session's waitlist that they now have a place. */
export default async function clinicSignupPromotedNotify({
  event,
  container,
}: SubscriberArgs<ClinicSignupPromotedEvent>) {
  const appointments = container.resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
  const [signup] = await appointments.signupViews([event.data.signup_id])
  // Cancelled again since: nothing to tell.
  if (!signup || signup.status !== "confirmed") return
  await notifyMember(
    container,
    signup.customer_id,
    clinicPromotedNotice({
      signup_id: signup.id,
      session_title: signup.session.title,
      starts_at: signup.session.starts_at,
      place: signup.session.place ?? null,
    })
  )
}

export const config: SubscriberConfig = {
  event: DomainEvent.CLINIC_SIGNUP_PROMOTED,
}
