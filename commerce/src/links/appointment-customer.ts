import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AppointmentModule from "../modules/appointment"

/** `appointment.customer`: the member who booked (read-only, from `customer_id`). */
export default defineLink(
  { linkable: AppointmentModule.linkable.appointment, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
