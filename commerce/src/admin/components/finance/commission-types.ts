/** What 分销核算 answers (amounts in integer fen). */
export type CommissionFigures = {
  accrued: number
  reversed: number
  matured: number
  withdrawn: number
  pending: number
  available: number
  outstanding: number
  opening_outstanding: number
}

export type CommissionAccount = CommissionFigures & {
  affiliate_id: string
  code: string
  member: string
}

export type CommissionAccountsPage = {
  accounts: CommissionAccount[]
  totals: CommissionFigures
  count: number
  offset: number
  limit: number
}

export type CommissionEntry = {
  id: string
  kind: string
  amount: number
  created_at: string
  order_display_id: number | null
  product_title: string | null
  buyer: string | null
  level: number | null
}

export type CommissionFigure = "accrued" | "reversed" | "matured" | "withdrawn"
