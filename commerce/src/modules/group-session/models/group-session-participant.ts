import { model } from "@medusajs/framework/utils"

/**
 * A member who joined a session. `seat` (1, 2, …) is how the room names them
 * (「3 号会员」): other members never see who asked.
 */
export const GroupSessionParticipant = model
  .define("group_session_participant", {
    id: model.id({ prefix: "gspart" }).primaryKey(),
    session_id: model.text(),
    customer_id: model.text(),
    seat: model.number(),
  })
  .indexes([
    { on: ["session_id", "customer_id"], unique: true, where: "deleted_at is null" },
    { on: ["session_id", "seat"], unique: true, where: "deleted_at is null" },
    { on: ["customer_id"] },
  ])
