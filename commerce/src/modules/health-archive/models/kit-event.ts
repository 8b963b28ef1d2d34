import { model } from "@medusajs/framework/utils"
import { KIT_STATUSES } from "../../../lib/kits/kit-status"
import { Kit } from "./kit"

/** One step of a kit's status timeline: who moved it where, and when. */
export const KitEvent = model.define("kit_event", {
  id: model.id({ prefix: "kitev" }).primaryKey(),
  kit: model.belongsTo(() => Kit, { mappedBy: "events" }),
  status: model.enum([...KIT_STATUSES]),
  note: model.text().nullable(),
  actor_type: model.enum(["customer", "staff", "system"]),
  actor_id: model.text().nullable(),
})
