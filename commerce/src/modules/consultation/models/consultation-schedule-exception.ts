import { model } from "@medusajs/framework/utils"

/**
 * A date that differs from the doctor's week: a day off (whole day, or only `start_time`–
 * `end_time`) or extra hours with their own slot length, modes and capacity.
 */
export const ConsultationScheduleException = model
  .define("consultation_schedule_exception", {
    id: model.id({ prefix: "csexc" }).primaryKey(),
    doctor_id: model.text(),
    date: model.text(),
    kind: model.enum(["day_off", "extra_hours"]),
    start_time: model.text().nullable(),
    end_time: model.text().nullable(),
    slot_minutes: model.number().nullable(),
    modes: model.json().nullable(),
    capacity: model.number().nullable(),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["doctor_id", "date"] }])
