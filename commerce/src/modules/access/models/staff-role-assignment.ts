import { model } from "@medusajs/framework/utils"

/** Gives one admin user one role; a user's permissions are the union of their roles'. */
export const StaffRoleAssignment = model
  .define("staff_role_assignment", {
    id: model.id({ prefix: "srass" }).primaryKey(),
    user_id: model.text().index(),
    role_id: model.text().index(),
    assigned_by: model.text().nullable(),
  })
  .indexes([{ on: ["user_id", "role_id"], unique: true, where: "deleted_at IS NULL" }])
