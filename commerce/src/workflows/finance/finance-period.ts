/** How a finance summary is broken down; `null` is totals only. */
export const FINANCE_GROUP_BYS = [
  "day",
  "product",
  "category",
  "channel",
  "payment_method",
  "member",
] as const

export type FinanceGroupBy = (typeof FINANCE_GROUP_BYS)[number]

export const FINANCE_METRICS = [
  "orders",
  "paid",
  "refunded",
  "net",
  "store_credit",
  "commissions",
  "payouts",
] as const

export type FinanceMetric = (typeof FINANCE_METRICS)[number]

/** Order count and amounts in integer fen. */
export type FinanceTotals = Record<FinanceMetric, number>

export type FinanceGroup = { key: string | null; label: string } & FinanceTotals

export type FinanceSummary = { totals: FinanceTotals; groups: FinanceGroup[] }

export type FinancePeriod = { from: string; to: string; group_by?: FinanceGroupBy }

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The instants a period of Beijing dates covers: from `from` 00:00 to the midnight after
 * `to` (inclusive), in UTC+8, which has no daylight saving.
 */
export function periodBounds(from: string, to: string): { start: string; end: string } {
  const start = new Date(`${from}T00:00:00+08:00`)
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS)
  return { start: start.toISOString(), end: end.toISOString() }
}

/** Every Beijing date from `from` to `to`, inclusive, as YYYY-MM-DD. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = []
  const last = Date.parse(`${to}T00:00:00Z`)
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= last; at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10))
  }
  return days
}
