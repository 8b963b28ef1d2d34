import { model } from "@medusajs/framework/utils"

/**
 * When an escort works: weekdays (1 = Monday … 7 = Sunday) and hours, Beijing time, and
 * days off (Beijing dates). Linked to the escort module's escort by id. An escort without
 * a schedule takes tasks at any time (grab mode before schedules existed).
 */
export const EscortSchedule = model
  .define("escort_schedule", {
    id: model.id({ prefix: "escsch" }).primaryKey(),
    escort_id: model.text(),
    weekdays: model.json(),
    /** "08:00" … "18:00". */
    start_time: model.text(),
    end_time: model.text(),
    /** ["2026-12-24", …] */
    days_off: model.json(),
  })
  .indexes([{ on: ["escort_id"], unique: true, where: "deleted_at is null" }])
