export type EscortCaseSource = "dispute" | "report" | "alert"
export type EscortCaseStatus = "open" | "investigating" | "upheld" | "dismissed" | "closed"
export type GuaranteeFundKind =
  | "fund_in"
  | "compensation_paid"
  | "recovery_from_escort"
  | "recovery_from_insurer"

export type EscortCaseRow = {
  id: string
  source: EscortCaseSource
  source_id: string
  booking_id: string
  customer_id: string | null
  escort_id: string | null
  summary: string
  status: EscortCaseStatus
  owner_id: string | null
  outcome: string | null
  compensation_fen: number | null
  decided_by: string | null
  decided_at: Date | string | null
  closed_at: Date | string | null
  created_at: Date | string
}

export type EscortCaseNoteRow = {
  id: string
  case_id: string
  kind: string
  status: EscortCaseStatus
  body: string
  actor_id: string | null
  created_at: Date | string
}

export type GuaranteeFundEntryRow = {
  id: string
  kind: GuaranteeFundKind
  amount_fen: number
  case_id: string | null
  idempotency_key: string
  note: string
  created_by: string | null
  created_at: Date | string
}

export type EscortInsurancePolicyRow = {
  id: string
  booking_id: string
  provider: string
  policy_no: string
  premium_fen: number
  coverage_fen: number
  created_at: Date | string
}

export type EscortInsuranceClaimStatus = "filed" | "approved" | "rejected" | "paid"

export type EscortInsuranceClaimRow = {
  id: string
  case_id: string
  policy_id: string
  provider: string
  claim_no: string
  amount_fen: number
  status: EscortInsuranceClaimStatus
  paid_fen: number | null
  reason: string | null
  created_at: Date | string
}

export type NewEscortCase = {
  source: EscortCaseSource
  source_id: string
  booking_id: string
  customer_id: string | null
  escort_id: string | null
  summary: string
}

/** Money into the fund is positive, compensation out negative: the sign is the kind's. */
export const FUND_KIND_SIGN: Record<GuaranteeFundKind, 1 | -1> = {
  fund_in: 1,
  compensation_paid: -1,
  recovery_from_escort: 1,
  recovery_from_insurer: 1,
}
