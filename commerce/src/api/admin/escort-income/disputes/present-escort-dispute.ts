import type { EscortDisputeRow } from "../../../../modules/escort-income/types"

const iso = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString())

/** A dispute as operations read it. */
export function presentEscortDispute(row: EscortDisputeRow, escortName: string | null) {
  return {
    id: row.id,
    booking_id: row.booking_id,
    escort_id: row.escort_id,
    escort_name: escortName,
    customer_id: row.customer_id,
    reason: row.reason,
    status: row.status,
    outcome: row.outcome,
    refund_fen: row.refund_fen,
    resolution_note: row.resolution_note,
    resolved_by: row.resolved_by,
    resolved_at: iso(row.resolved_at),
    created_at: iso(row.created_at),
  }
}
