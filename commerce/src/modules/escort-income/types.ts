import type { EscortLevel } from "./rules/escort-level"

export type EscortEarningStatus = "pending" | "available" | "frozen" | "reversed"

export type EscortEarningRow = {
  id: string
  booking_id: string
  escort_id: string
  service_name: string
  service_date: string
  price_fen: number
  level: EscortLevel
  share_percent: number
  amount_fen: number
  reversed_fen: number
  status: EscortEarningStatus
  release_at: Date | string
  available_at: Date | string | null
  created_at: Date | string
}

export type NewEscortEarning = {
  booking_id: string
  escort_id: string
  service_name: string
  service_date: string
  price_fen: number
  level: EscortLevel
  share_percent: number
  amount_fen: number
  release_at: Date
}

export type EscortDisputeRow = {
  id: string
  booking_id: string
  earning_id: string
  escort_id: string
  customer_id: string
  reason: string
  status: "open" | "resolved"
  outcome: "release" | "refund" | null
  refund_fen: number | null
  resolution_note: string | null
  resolved_by: string | null
  resolved_at: Date | string | null
  created_at: Date | string
}

export type EscortWithdrawalStatus =
  | "requested"
  | "approved"
  | "paying"
  | "paid"
  | "rejected"
  | "failed"

export type EscortWithdrawalRow = {
  id: string
  escort_id: string
  amount_fen: number
  status: EscortWithdrawalStatus
  method: "bank" | "wechat" | null
  reference: string | null
  transfer_state: string | null
  transfer_package: string | null
  fail_reason: string | null
  reject_reason: string | null
  reviewed_by: string | null
  reviewed_at: Date | string | null
  paid_by: string | null
  paid_at: Date | string | null
  created_at: Date | string
}

export type EscortIncomeTotals = {
  balance_fen: number
  pending_fen: number
  frozen_fen: number
  withdrawn_fen: number
}

export type EscortPayoutAccountRow = {
  escort_id: string
  wechat_openid: string
  wechat_unionid: string | null
  bound_at: Date | string
}
