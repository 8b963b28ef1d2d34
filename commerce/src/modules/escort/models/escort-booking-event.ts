import { model } from "@medusajs/framework/utils"

/** One step of a booking's timeline, or a 报备 (flagged for operations). */
export const EscortBookingEvent = model
  .define("escort_booking_event", {
    id: model.id({ prefix: "escev" }).primaryKey(),
    booking_id: model.text(),
    status: model.text(),
    actor_type: model.enum(["customer", "escort", "staff", "system"]),
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
    location: model.json().nullable(),
    report_type: model.text().nullable(),
    flagged: model.boolean().default(false),
    /** Photos the escort took of this step or 报备: uploads of the task's conversation. */
    photo_upload_ids: model.json().nullable(),
    /** An SOP step done during 陪同就医 (status `sop_step`): its name, e.g. 挂号 or 检查 · 心电图. */
    sop_step: model.text().nullable(),
  })
  .indexes([{ on: ["booking_id", "created_at"] }])
