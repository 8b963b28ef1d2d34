import { model } from "@medusajs/framework/utils"

/**
 * Auto-dispatch: one escort offered one booking until `expires_at`. At most one offer of a
 * booking is live (`offered`) at a time and each escort is offered a booking once, both
 * enforced by unique indexes, so parallel dispatch runs cannot offer twice.
 */
export const DispatchOffer = model
  .define("escort_dispatch_offer", {
    id: model.id({ prefix: "escof" }).primaryKey(),
    booking_id: model.text(),
    escort_id: model.text(),
    status: model.enum(["offered", "accepted", "declined", "expired", "withdrawn"]),
    expires_at: model.dateTime(),
    /** 1 for the best match, 2 for the next … */
    round: model.number(),
  })
  .indexes([
    { on: ["booking_id"], unique: true, where: "status = 'offered' and deleted_at is null" },
    { on: ["booking_id", "escort_id"], unique: true, where: "deleted_at is null" },
    { on: ["escort_id", "status"] },
    { on: ["status", "expires_at"] },
  ])
