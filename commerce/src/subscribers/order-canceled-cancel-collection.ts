import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { APPOINTMENT_TRANSITIONS } from "../modules/appointment/rules/appointment-status"
import { APPOINTMENT_MODULE } from "../modules/appointment"
import type AppointmentModuleService from "../modules/appointment/service"
import { changeAppointmentStatusWorkflow } from "../workflows/appointments/change-appointment-status"

/** A canceled order's on-site collection appointment frees its slot. */
export default async function orderCanceledCancelCollection({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const appointments = await container
    .resolve<AppointmentModuleService>(APPOINTMENT_MODULE)
    .listAppointments({ order_id: event.data.id }, { select: ["id", "status"] })
  const open = new Set<string>(APPOINTMENT_TRANSITIONS.cancel.from)
  for (const appointment of appointments) {
    // Replays find it cancelled already and leave it alone.
    if (!open.has(appointment.status)) continue
    await changeAppointmentStatusWorkflow(container).run({
      input: {
        appointment_id: appointment.id,
        action: "cancel",
        actor: { actor_type: "system" },
        reason: "订单已取消",
      },
    })
  }
}

export const config: SubscriberConfig = {
  event: "order.canceled",
}
