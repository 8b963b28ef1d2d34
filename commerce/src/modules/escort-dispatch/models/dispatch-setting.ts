import { model } from "@medusajs/framework/utils"

/**
 * How one city's tasks reach escorts: `grab` (抢单, the first to accept gets it) or `auto`
 * (the best match is offered the task and has `accept_minutes` to take it, then the next).
 * A city without a row is in grab mode.
 */
export const DispatchSetting = model
  .define("escort_dispatch_setting", {
    id: model.id({ prefix: "escds" }).primaryKey(),
    city: model.text(),
    mode: model.enum(["grab", "auto"]).default("grab"),
    accept_minutes: model.number().default(10),
  })
  .indexes([{ on: ["city"], unique: true, where: "deleted_at is null" }])
