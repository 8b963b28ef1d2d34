import { model } from "@medusajs/framework/utils"

/**
 * One weekly working window of a doctor (ISO weekday, `HH:MM`–`HH:MM` Beijing time), cut into
 * slots of `slot_minutes` for the modes it offers, each taking up to `capacity` bookings.
 * The doctor saves the whole week at once; the rows are replaced.
 */
export const ConsultationScheduleRule = model
  .define("consultation_schedule_rule", {
    id: model.id({ prefix: "csrule" }).primaryKey(),
    doctor_id: model.text(),
    weekday: model.number(),
    start_time: model.text(),
    end_time: model.text(),
    slot_minutes: model.number(),
    modes: model.json(),
    capacity: model.number(),
  })
  .indexes([{ on: ["doctor_id", "weekday"] }])
