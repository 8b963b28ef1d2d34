import { model } from "@medusajs/framework/utils"

/** A named set of permissions (see ../permissions.ts) that staff users are given. */
export const StaffRole = model.define("staff_role", {
  id: model.id({ prefix: "srole" }).primaryKey(),
  code: model.text().unique(),
  name: model.text(),
  description: model.text().nullable(),
  permissions: model.array(),
  /** Built-in roles can be assigned but not edited or deleted. */
  is_system: model.boolean().default(false),
})
