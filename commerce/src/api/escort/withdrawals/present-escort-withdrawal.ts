import { WITHDRAWAL_LABELS } from "../../../modules/escort-income/service"
import type { EscortWithdrawalRow } from "../../../modules/escort-income/types"

const iso = (value: Date | string | null) => (value == null ? null : new Date(value).toISOString())

/** A withdrawal as its escort reads it (`staff` adds who reviewed and paid it). */
export function presentEscortWithdrawal(row: EscortWithdrawalRow, audience: "escort" | "staff") {
  return {
    id: row.id,
    amount_fen: row.amount_fen,
    status: row.status,
    status_label: WITHDRAWAL_LABELS[row.status],
    reject_reason: row.reject_reason,
    reference: row.reference,
    paid_at: iso(row.paid_at),
    created_at: iso(row.created_at)!,
    ...(audience === "staff"
      ? {
          escort_id: row.escort_id,
          method: row.method,
          reviewed_by: row.reviewed_by,
          reviewed_at: iso(row.reviewed_at),
          paid_by: row.paid_by,
        }
      : {}),
  }
}
