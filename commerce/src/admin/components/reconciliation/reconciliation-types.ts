/** What the reconciliation routes answer (amounts in fen). */
export type ReconciliationRun = {
  id: string
  provider_id: string
  bill_date: string
  status: "completed" | "failed"
  bill_exists: boolean
  bill_lines: number
  matched: number
  difference_count: number
  totals: {
    bill_paid: number
    bill_refunded: number
    our_paid: number
    our_refunded: number
  } | null
  started_by: string
  error: string | null
  created_at: string
}

export type ReconciliationDifference = {
  id: string
  kind: string
  subject: "payment" | "refund"
  out_trade_no: string
  out_refund_no: string | null
  bill_amount: number | null
  our_amount: number | null
  bill_status: string | null
  our_status: string | null
  order: { id: string; display_id: number | string | null } | null
  resolution_note: string | null
  resolved_at: string | null
}

export type OfflineReceiptRow = {
  payment_id: string
  amount: number
  captured_at: string
  order_id: string | null
  display_id: number | null
  bank_reference: string | null
  missing_reference: boolean
  duplicate_reference: boolean
}
