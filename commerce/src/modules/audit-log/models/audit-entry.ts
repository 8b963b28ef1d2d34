import { model } from "@medusajs/framework/utils"

/** One staff action (or refused attempt) on money, roles or health data. Never edited. */
export const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "audit" }).primaryKey(),
    actor_id: model.text().index(),
    /** For example `money:write`, `access.roles.assign`, `access.denied`. */
    action: model.text().index(),
    method: model.text(),
    path: model.text(),
    status: model.number(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    details: model.json().nullable(),
  })
  .indexes([{ on: ["created_at"] }])
