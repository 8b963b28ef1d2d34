import { model } from "@medusajs/framework/utils"
import { ESCORT_BOOKING_STATUSES } from "../rules/escort-booking-status"

/**
 * A member's escort booking. Hospital and department are the CMS ids (when the city's
 * hospitals are in the synced catalogue) with their names kept as a snapshot. The served
 * person's ID number is sealed with the FieldCipher; only the name is plain (open tasks
 * show its surname alone).
 */
export const EscortBooking = model
  .define("escort_booking", {
    id: model.id({ prefix: "escbk" }).primaryKey(),
    customer_id: model.text().index(),
    service_id: model.text(),
    service_name: model.text(),
    hospital_id: model.text().nullable(),
    hospital_name: model.text(),
    department_name: model.text(),
    department_id: model.text().nullable(),
    city: model.text(),
    /** Beijing calendar day, YYYY-MM-DD. */
    service_date: model.text(),
    /** "08:00" and "12:00", Beijing time. */
    start_time: model.text(),
    end_time: model.text(),
    person_name: model.text(),
    person_id_ciphertext: model.text(),
    person_id_key_id: model.text(),
    person_id_masked: model.text(),
    meeting_point: model.text(),
    needs: model.json(),
    /** The catalogue variant booked and the extras chosen; the server prices them. */
    variant_id: model.text().nullable(),
    extras: model.json().default([] as never),
    price_fen: model.number(),
    status: model.enum([...ESCORT_BOOKING_STATUSES]).default("pending_payment"),
    escort_id: model.text().nullable(),
    accepted_at: model.dateTime().nullable(),
    /** The Medusa cart paying for it and the order its payment placed. */
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    paid_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    refund_fen: model.number().nullable(),
    cancel_fee_fen: model.number().nullable(),
  })
  .indexes([
    { on: ["status", "city"] },
    { on: ["escort_id", "service_date"] },
    { on: ["order_id"] },
    { on: ["status", "created_at"] },
  ])
