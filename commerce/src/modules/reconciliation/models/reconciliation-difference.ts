import { model } from "@medusajs/framework/utils"
import { ReconciliationRun } from "./reconciliation-run"

/**
 * One line that does not agree: on the bill but not with us (missing_ours), with us but not
 * on the bill (missing_provider), both but different amounts or states. Finance resolves it
 * with a note; the figures themselves are never edited.
 */
export const ReconciliationDifference = model
  .define("reconciliation_difference", {
    id: model.id({ prefix: "recdiff" }).primaryKey(),
    kind: model.enum(["missing_ours", "missing_provider", "amount_mismatch", "status_mismatch"]),
    /** A payment or a refund. */
    subject: model.enum(["payment", "refund"]),
    out_trade_no: model.text().index(),
    out_refund_no: model.text().nullable(),
    transaction_id: model.text().nullable(),
    /** Fen, as the bill says; null when the bill has no such line. */
    bill_amount: model.number().nullable(),
    /** Fen, as we recorded it; null when we have no such record. */
    our_amount: model.number().nullable(),
    bill_status: model.text().nullable(),
    our_status: model.text().nullable(),
    order_id: model.text().nullable(),
    payment_id: model.text().nullable(),
    resolution_note: model.text().nullable(),
    resolved_by: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
    run: model.belongsTo(() => ReconciliationRun, { mappedBy: "differences" }),
  })
  .indexes([{ on: ["resolved_at"] }])
