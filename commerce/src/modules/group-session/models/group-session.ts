import { model } from "@medusajs/framework/utils"

/**
 * 在线咨询 held at a set time: an expert (a consultation doctor, by id) answers members'
 * questions in one shared room. Times are instants; pages show them in Asia/Shanghai.
 */
export const GroupSession = model
  .define("group_session", {
    id: model.id({ prefix: "gsess" }).primaryKey(),
    doctor_id: model.text(),
    title: model.text(),
    topic: model.text(),
    starts_at: model.dateTime(),
    ends_at: model.dateTime(),
    capacity: model.number(),
  })
  .indexes([{ on: ["starts_at"] }, { on: ["doctor_id", "starts_at"] }])
