import { model } from "@medusajs/framework/utils"
import { ReconciliationDifference } from "./reconciliation-difference"

/**
 * One reconciliation of a provider's daily bill (Beijing date) against our payments and
 * refunds. Every run is kept: re-running a day adds a run and carries resolutions over.
 */
export const ReconciliationRun = model
  .define("reconciliation_run", {
    id: model.id({ prefix: "recrun" }).primaryKey(),
    provider_id: model.text(),
    /** YYYY-MM-DD, Beijing time. */
    bill_date: model.text(),
    status: model.enum(["completed", "failed"]),
    /** False when the provider had no bill for the day (nothing happened there). */
    bill_exists: model.boolean().default(false),
    bill_lines: model.number().default(0),
    matched: model.number().default(0),
    difference_count: model.number().default(0),
    /** Fen, both sides: { bill_paid, bill_refunded, our_paid, our_refunded }. */
    totals: model.json().nullable(),
    /** staff user id, or "system:reconciliation" for the daily job. */
    started_by: model.text(),
    error: model.text().nullable(),
    differences: model.hasMany(() => ReconciliationDifference, { mappedBy: "run" }),
  })
  .indexes([{ on: ["provider_id", "bill_date"] }, { on: ["created_at"] }])
  .cascades({ delete: ["differences"] })
