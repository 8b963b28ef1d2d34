import type {
  EscortCaseNoteRow,
  EscortCaseRow,
  EscortInsuranceClaimRow,
  EscortInsurancePolicyRow,
  GuaranteeFundEntryRow,
} from "../../../modules/escort-case/types"

const iso = (at: Date | string | null) => (at ? new Date(at).toISOString() : null)

export const CASE_STATUS_LABELS = {
  open: "待处理",
  investigating: "调查中",
  upheld: "成立",
  dismissed: "不成立",
  closed: "已结案",
} as const

export const CASE_SOURCE_LABELS = {
  dispute: "会员申诉",
  report: "陪诊员报备",
  alert: "异常告警",
} as const

export function presentEscortCase(row: EscortCaseRow) {
  return {
    id: row.id,
    source: row.source,
    source_label: CASE_SOURCE_LABELS[row.source],
    source_id: row.source_id,
    booking_id: row.booking_id,
    customer_id: row.customer_id,
    escort_id: row.escort_id,
    summary: row.summary,
    status: row.status,
    status_label: CASE_STATUS_LABELS[row.status],
    owner_id: row.owner_id,
    outcome: row.outcome,
    compensation_fen: row.compensation_fen,
    decided_by: row.decided_by,
    decided_at: iso(row.decided_at),
    closed_at: iso(row.closed_at),
    created_at: iso(row.created_at),
  }
}

export const presentCaseNote = (row: EscortCaseNoteRow) => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  body: row.body,
  actor_id: row.actor_id,
  created_at: iso(row.created_at),
})

export const presentFundEntry = (row: GuaranteeFundEntryRow) => ({
  id: row.id,
  kind: row.kind,
  amount_fen: row.amount_fen,
  case_id: row.case_id,
  note: row.note,
  created_by: row.created_by,
  created_at: iso(row.created_at),
})

export const presentPolicy = (row: EscortInsurancePolicyRow | null) =>
  row && {
    policy_no: row.policy_no,
    provider: row.provider,
    premium_fen: row.premium_fen,
    coverage_fen: row.coverage_fen,
    created_at: iso(row.created_at),
  }

export const presentClaim = (row: EscortInsuranceClaimRow | null) =>
  row && {
    id: row.id,
    claim_no: row.claim_no,
    amount_fen: row.amount_fen,
    status: row.status,
    paid_fen: row.paid_fen,
    reason: row.reason,
    created_at: iso(row.created_at),
  }
