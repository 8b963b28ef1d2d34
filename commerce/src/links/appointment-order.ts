import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AppointmentModule from "../modules/appointment"

/** `appointment.order`: the order an on-site collection was booked for, if any (read-only). */
export default defineLink(
  { linkable: AppointmentModule.linkable.appointment, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
