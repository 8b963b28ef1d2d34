import { model } from "@medusajs/framework/utils"

/** One row ('last'): when the course copy was last replaced from the CMS. */
export const EscortTrainingSync = model.define("escort_training_sync", {
  id: model.id().primaryKey(),
  synced_at: model.dateTime(),
})
