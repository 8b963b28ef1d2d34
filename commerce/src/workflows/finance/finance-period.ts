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

/** The figures whose rows can be listed (net is paid − refunded, not rows of its own). */
export const FINANCE_FIGURES = [
  "orders",
  "paid",
  "refunded",
  "store_credit",
  "commissions",
  "payouts",
] as const

export type FinanceFigure = (typeof FINANCE_FIGURES)[number]

/** Where an order was bought: the web (PC and H5), the mini-program, its H5 build, or paid offline (岳阳). */
export const FINANCE_CHANNELS = ["web", "miniprogram", "miniprogram_h5", "offline"] as const

export type FinanceChannel = (typeof FINANCE_CHANNELS)[number]

/** Medusa's order statuses that finance filters by. */
export const FINANCE_ORDER_STATUSES = [
  "pending",
  "completed",
  "canceled",
  "archived",
  "requires_action",
] as const

/** What the figures are narrowed to; every filter left out means "all". */
export type FinanceFilters = {
  product_id?: string
  category_id?: string
  customer_id?: string
  channel?: FinanceChannel
  provider_id?: string
  order_status?: (typeof FINANCE_ORDER_STATUSES)[number]
}

/** Order count and amounts in integer fen. */
export type FinanceTotals = Record<FinanceMetric, number>

export type FinanceGroup = { key: string | null; label: string } & FinanceTotals

/** How a figure moved against the period before: the difference in fen, and in percent. */
export type FinanceChange = { amount: number; percent: number | null }

export type FinanceSummary = {
  totals: FinanceTotals
  groups: FinanceGroup[]
  previous: { from: string; to: string; totals: FinanceTotals }
  change: Record<FinanceMetric, FinanceChange>
  /** When the breakdown was paged: which page, and how many groups all pages hold. */
  page?: { offset: number; limit: number; count: number }
}

/** A period, its filters, and an optional breakdown, paged when `limit` is given (not by day). */
export type FinancePeriod = {
  from: string
  to: string
  group_by?: FinanceGroupBy
  offset?: number
  limit?: number
} & FinanceFilters

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

const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10)

/** The period of the same number of days that ends the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const start = Date.parse(`${from}T00:00:00Z`)
  const length = Date.parse(`${to}T00:00:00Z`) - start + DAY_MS
  return { from: isoDate(start - length), to: isoDate(start - DAY_MS) }
}

/** The change from `before` to `now`; the percent, to one decimal, only when `before` is not 0. */
export function changeOf(now: number, before: number): FinanceChange {
  return {
    amount: now - before,
    percent: before === 0 ? null : Math.round(((now - before) * 1000) / Math.abs(before)) / 10,
  }
}
