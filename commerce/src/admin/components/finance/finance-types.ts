/** What the finance routes answer (amounts in integer fen). */
export type FinanceMetric =
  | "orders"
  | "paid"
  | "refunded"
  | "net"
  | "store_credit"
  | "commissions"
  | "payouts"

export type FinanceTotals = Record<FinanceMetric, number>

export type FinanceFigure = Exclude<FinanceMetric, "net">

export type FinanceGroupBy =
  | "day"
  | "product"
  | "category"
  | "channel"
  | "payment_method"
  | "member"

export type FinanceSummary = {
  totals: FinanceTotals
  groups: ({ key: string | null; label: string } & FinanceTotals)[]
  previous: { from: string; to: string; totals: FinanceTotals }
  change: Record<FinanceMetric, { amount: number; percent: number | null }>
  /** Set when the breakdown is paged (the member breakdown): the page and the groups in all. */
  page?: { offset: number; limit: number; count: number }
}

export type FinanceEntry = {
  id: string
  figure: FinanceFigure
  amount: number
  happened_at: string
  order_display_id: number | null
  provider_label: string | null
  channel: string | null
  member: string | null
}

export type Paged<Key extends string, Row> = { [K in Key]: Row[] } & {
  count: number
  amount: number
  offset: number
  limit: number
}

/** The period and filters of the page, as query parameters (empty ones left out). */
export type FinanceQuery = {
  from: string
  to: string
  channel: string
  provider_id: string
  order_status: string
  product_id: string
  category_id: string
  customer_id: string
}

export function financeSearch(query: FinanceQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...query, ...extra })) {
    if (value.trim()) params.set(key, value.trim())
  }
  return params.toString()
}
