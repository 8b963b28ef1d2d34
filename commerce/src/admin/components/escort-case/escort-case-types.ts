export type CaseStatus = "open" | "investigating" | "upheld" | "dismissed" | "closed"

export type EscortCase = {
  id: string
  source_label: string
  booking_id: string
  summary: string
  status: CaseStatus
  status_label: string
  owner_id: string | null
  outcome: string | null
  compensation_fen: number | null
  created_at: string
}

export type FundEntry = {
  id: string
  kind: "fund_in" | "compensation_paid" | "recovery_from_escort" | "recovery_from_insurer"
  amount_fen: number
  case_id: string | null
  note: string
  created_by: string | null
  created_at: string
}

export type EscortCaseDetail = EscortCase & {
  timeline: { id: string; kind: string; status: CaseStatus; body: string; created_at: string }[]
  fund_entries: FundEntry[]
  policy: { policy_no: string; coverage_fen: number } | null
  claim: { claim_no: string; amount_fen: number; status: string; paid_fen: number | null } | null
}
