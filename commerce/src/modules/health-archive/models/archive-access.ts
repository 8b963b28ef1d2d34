import { model } from "@medusajs/framework/utils"

/**
 * Who read or changed which part of a member's health archive, and from where. Rows
 * are never updated or deleted (a trigger in the migration enforces it).
 */
export const ArchiveAccess = model
  .define("archive_access", {
    id: model.id({ prefix: "aacc" }).primaryKey(),
    owner_id: model.text(),
    actor_type: model.enum(["customer", "staff", "system"]),
    actor_id: model.text().nullable(),
    action: model.text(),
    resource_type: model.text(),
    resource_id: model.text().nullable(),
    ip: model.text().nullable(),
  })
  .indexes([{ on: ["owner_id", "created_at"] }])
