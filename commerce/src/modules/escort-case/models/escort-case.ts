import { model } from "@medusajs/framework/utils"

/**
 * An incident (事件) operations investigate: raised from a member's complaint (申诉), an
 * escort's 报备 or a dispatch anomaly alert, at most once per source. Its decision is
 * `upheld` (the member is paid first from the guarantee fund) or `dismissed`, then closed.
 */
export const EscortCase = model
  .define("escort_case", {
    id: model.id({ prefix: "esccase" }).primaryKey(),
    source: model.enum(["dispute", "report", "alert"]),
    source_id: model.text(),
    booking_id: model.text(),
    customer_id: model.text().nullable(),
    escort_id: model.text().nullable(),
    summary: model.text(),
    status: model.enum(["open", "investigating", "upheld", "dismissed", "closed"]).default("open"),
    owner_id: model.text().nullable(),
    outcome: model.text().nullable(),
    compensation_fen: model.number().nullable(),
    decided_by: model.text().nullable(),
    decided_at: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["source", "source_id"], unique: true, where: "deleted_at is null" },
    { on: ["status", "created_at"] },
    { on: ["booking_id"] },
  ])
