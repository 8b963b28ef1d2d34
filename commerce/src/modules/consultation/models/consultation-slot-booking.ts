import { model } from "@medusajs/framework/utils"

/**
 * A seat in a doctor's slot held by a phone or video consultation. Seats are numbered up to the
 * slot's capacity and unique per doctor and start while held, so two members racing for the
 * last seat get one row and one conflict. Released (not deleted) when the consultation is
 * cancelled or refunded, which frees the seat.
 */
export const ConsultationSlotBooking = model
  .define("consultation_slot_booking", {
    id: model.id({ prefix: "cslot" }).primaryKey(),
    doctor_id: model.text(),
    consultation_id: model.text(),
    customer_id: model.text(),
    mode: model.enum(["phone", "video"]),
    slot_start: model.dateTime(),
    slot_end: model.dateTime(),
    seat: model.number(),
    released_at: model.dateTime().nullable(),
  })
  .indexes([
    {
      on: ["doctor_id", "slot_start", "seat"],
      unique: true,
      where: "deleted_at is null and released_at is null",
    },
    { on: ["consultation_id"], unique: true, where: "deleted_at is null and released_at is null" },
  ])
