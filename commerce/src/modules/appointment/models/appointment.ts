import { model } from "@medusajs/framework/utils"
import { APPOINTMENT_STATUSES } from "../rules/appointment-status"
import { AppointmentEvent } from "./appointment-event"

/**
 * A member's appointment at a collection site (采集点) for one day and time slot. The
 * site lives in the CMS; its name and address are copied here so the appointment still
 * reads right if the site is renamed or removed. The person's name and phone are sealed.
 */
export const Appointment = model
  .define("appointment", {
    id: model.id({ prefix: "appt" }).primaryKey(),
    customer_id: model.text().index(),
    /** The CMS collection site's documentId. */
    site_id: model.text(),
    site_name: model.text(),
    site_address: model.text(),
    /** Beijing calendar day, YYYY-MM-DD. */
    date: model.text(),
    /** "09:00-10:00" */
    slot: model.text(),
    order_id: model.text().nullable(),
    kit_id: model.text().nullable(),
    /** { name, phone } sealed with the FieldCipher. */
    person_ciphertext: model.text().nullable(),
    person_key_id: model.text().nullable(),
    status: model.enum([...APPOINTMENT_STATUSES]).default("pending"),
    cancelled_by: model.enum(["customer", "staff"]).nullable(),
    cancel_reason: model.text().nullable(),
    events: model.hasMany(() => AppointmentEvent, { mappedBy: "appointment" }),
  })
  .indexes([
    { on: ["site_id", "date", "slot"] },
    { on: ["date", "site_id"] },
    {
      // A member holds at most one active appointment per day and slot.
      on: ["customer_id", "date", "slot"],
      unique: true,
      where: "status IN ('pending', 'confirmed', 'rescheduled')",
    },
  ])
