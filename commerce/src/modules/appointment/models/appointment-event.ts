import { model } from "@medusajs/framework/utils"
import { APPOINTMENT_STATUSES } from "../rules/appointment-status"
import { Appointment } from "./appointment"

/** One step of an appointment's status history: who moved it where, to which day and slot. */
export const AppointmentEvent = model.define("appointment_event", {
  id: model.id({ prefix: "apptev" }).primaryKey(),
  appointment: model.belongsTo(() => Appointment, { mappedBy: "events" }),
  status: model.enum([...APPOINTMENT_STATUSES]),
  date: model.text(),
  slot: model.text(),
  note: model.text().nullable(),
  actor_type: model.enum(["customer", "staff", "system"]),
  actor_id: model.text().nullable(),
})
