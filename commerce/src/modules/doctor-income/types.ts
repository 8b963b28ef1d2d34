export type DoctorEarningSource = "consultation" | "assessment" | "group_session"
export type DoctorEarningKind = "text" | "phone" | "video" | "assessment" | "group_session"
export type DoctorEarningStatus = "pending" | "available" | "reversed"

export type DoctorEarningRow = {
  id: string
  source_type: DoctorEarningSource
  source_id: string
  doctor_id: string
  kind: DoctorEarningKind
  price_fen: number
  share_percent: number | null
  amount_fen: number
  reversed_fen: number
  status: DoctorEarningStatus
  earned_at: Date | string
  release_at: Date | string
  available_at: Date | string | null
  created_at: Date | string
}

export type NewDoctorEarning = {
  source_type: DoctorEarningSource
  source_id: string
  doctor_id: string
  kind: DoctorEarningKind
  price_fen: number
  share_percent: number | null
  amount_fen: number
  earned_at: Date
  release_at: Date
}

export type DoctorWithdrawalStatus =
  | "requested"
  | "approved"
  | "paying"
  | "paid"
  | "rejected"
  | "failed"

export type DoctorWithdrawalRow = {
  id: string
  doctor_id: string
  amount_fen: number
  status: DoctorWithdrawalStatus
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

/** Where a doctor's withdrawals are paid by WeChat 商家转账 (the openid is never shown). */
export type DoctorPayoutAccountRow = {
  doctor_id: string
  wechat_openid: string
  wechat_unionid: string | null
  bound_at: Date | string
}

/** A doctor's balance in fen. `available_fen` is negative when a refund came after a payout. */
export type DoctorIncomeTotals = {
  pending_fen: number
  available_fen: number
  withdrawn_fen: number
  /** In an open withdrawal (requested, approved or being transferred), waiting for finance. */
  requested_fen: number
}

/** What a reversal changed, so a failed workflow can put it back. */
export type DoctorEarningReversal = {
  earning_id: string
  before: { reversed_fen: number; status: DoctorEarningStatus }
  after: { reversed_fen: number; status: DoctorEarningStatus }
}
