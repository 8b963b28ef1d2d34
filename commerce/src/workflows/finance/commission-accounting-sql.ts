import type { LedgerSnapshot } from "./ledger-rollup"

/** The ledger's lines of [`from`, `to`) summed per affiliate as running totals are kept. */
const rawTotals = (side: number, from: string, to: string) => `
  select e.affiliate_id, ${side} as side,
    coalesce(sum(e.amount) filter (where e.kind = 'commission'), 0) as accrued,
    coalesce(sum(e.amount) filter (where e.kind = 'reversal'), 0) as reversed,
    coalesce(sum(e.amount) filter (where e.kind = 'maturation' and e.bucket = 'available'), 0) as matured,
    coalesce(sum(e.amount) filter (where e.kind = 'withdrawal_paid' and e.bucket = 'withdrawn'), 0) as withdrawn,
    coalesce(sum(e.amount) filter (where e.bucket = 'pending'), 0) as pending,
    coalesce(sum(e.amount) filter (where e.bucket = 'available'), 0) as available
    from affiliate_ledger_entry e
   where e.deleted_at is null and e.created_at >= ${from} and e.created_at < ${to}
     and (:affiliate_id is null or e.affiliate_id = :affiliate_id)
   group by e.affiliate_id`

/** A month's running totals per affiliate (see ledger-rollup.ts). */
const rolledTotals = (side: number, month: string) => `
  select m.affiliate_id, ${side} as side, m.accrued, m.reversed, m.matured, m.withdrawn, m.pending, m.available
    from finance_affiliate_monthly_rollup m
   where m.month = ${month} and (:affiliate_id is null or m.affiliate_id = :affiliate_id)`

/** Rolled-up days' own figures per affiliate (see ledger-rollup.ts), read index-only. */
const dailyTotals = (side: number, first: string, last: string) => `
  select d.affiliate_id, ${side} as side, d.accrued, d.reversed, d.matured, d.withdrawn, d.pending, d.available
    from finance_affiliate_daily_rollup d
   where d.day between ${first} and ${last} and (:affiliate_id is null or d.affiliate_id = :affiliate_id)`

/** The parts of the running totals up to one end of the period (see `LedgerSnapshot`). */
const sideTotals = (side: number, name: "start" | "end") =>
  [
    rolledTotals(side, `:${name}_month`),
    dailyTotals(side, `:${name}_d0`, `:${name}_d1`),
    dailyTotals(side, `:${name}_d2`, `:${name}_d3`),
    rawTotals(side, `:${name}_r0`, `:${name}_r1`),
    rawTotals(side, `:${name}_r2`, `:${name}_r3`),
  ].join("\n  union all ")

/**
 * 分销核算 from the affiliate plugin's append-only ledger, per affiliate over a period
 * [:t0, :t1): commissions accrued, reversals (negative), maturations into the available
 * balance, withdrawals paid, and the balances at the end of the period (outstanding =
 * pending + available, the affiliate liability). Each is a difference of running totals up
 * to :t1 (side 1) and up to :t0 (side -1), each a rolled-up month's row, the rolled-up days
 * after it and the raw lines of the rest (see ledger-rollup.ts); with no rollup every line is
 * read raw. Values are bound where they are used (see `commissionAccountsQuery`), not read
 * from a CTE, so the planner sees them. Every row also carries the count and the totals of
 * all affiliates.
 */
const COMMISSION_ACCOUNTS = `
with sides as (
  ${sideTotals(1, "end")}
  union all ${sideTotals(-1, "start")}
),
per_affiliate as (
  select affiliate_id,
         coalesce(sum(side * accrued), 0) as accrued,
         coalesce(sum(side * reversed), 0) as reversed,
         coalesce(sum(side * matured), 0) as matured,
         coalesce(sum(side * withdrawn), 0) as withdrawn,
         coalesce(sum(pending) filter (where side = 1), 0) as pending,
         coalesce(sum(available) filter (where side = 1), 0) as available,
         coalesce(sum(pending + available) filter (where side = -1), 0) as opening_outstanding
    from sides
   group by affiliate_id
),
active as (
  select r.*, a.code, a.status, a.customer_id
    from per_affiliate r
    join affiliate a on a.id = r.affiliate_id
   where r.accrued <> 0 or r.reversed <> 0 or r.matured <> 0 or r.withdrawn <> 0
      or r.pending <> 0 or r.available <> 0 or r.opening_outstanding <> 0
),
-- The totals are windows over every active affiliate, taken before the page is cut; only
-- the page's members are looked up.
page as (
  select r.*,
         count(*) over () as total_count,
         sum(r.accrued) over () as total_accrued, sum(r.reversed) over () as total_reversed,
         sum(r.matured) over () as total_matured, sum(r.withdrawn) over () as total_withdrawn,
         sum(r.pending) over () as total_pending, sum(r.available) over () as total_available,
         sum(r.opening_outstanding) over () as total_opening_outstanding
    from active r
   order by r.accrued desc, r.affiliate_id
   limit :limit offset :offset
)
select r.*, cu.phone, cu.first_name, cu.last_name, cu.email
  from page r
  left join customer cu on cu.id = r.customer_id
 order by r.accrued desc, r.affiliate_id`

/** What 分销核算 over a period is asked: the instants, where the rollups serve, the page. */
export type CommissionAccountsValues = {
  t0: string
  t1: string
  affiliate_id: string | null
  /** The running totals up to t0 and t1 (null: every line up to it read raw). */
  atStart: LedgerSnapshot
  atEnd: LedgerSnapshot
  limit: number
  offset: number
}

type SideName = "start" | "end"
type SideKey = `${SideName}_${"month" | "d0" | "d1" | "d2" | "d3" | "r0" | "r1" | "r2" | "r3"}`
type Bound = Record<SideKey, string> & {
  affiliate_id: string | null
  limit: number
  offset: number
}

const SIDE_TYPES = {
  month: "date",
  d0: "date",
  d1: "date",
  d2: "date",
  d3: "date",
  r0: "timestamptz",
  r1: "timestamptz",
  r2: "timestamptz",
  r3: "timestamptz",
} as const

const TYPES = {
  affiliate_id: "text",
  limit: "int",
  offset: "int",
  ...Object.fromEntries(
    (["start", "end"] as const).flatMap((side) =>
      Object.entries(SIDE_TYPES).map(([key, type]) => [`${side}_${key}`, type])
    )
  ),
} as Record<keyof Bound, string>

/** No rows: an empty range of dates, or of instants. */
const NONE: [string, string] = ["infinity", "-infinity"]

/** One end's values: its snapshot's parts, each empty when absent. */
function sideValues(side: SideName, snapshot: LedgerSnapshot, instant: string) {
  const parts = snapshot ?? { month: null, days: [], raw: [["-infinity", instant]] }
  const [d0, d1] = parts.days[0] ?? NONE
  const [d2, d3] = parts.days[1] ?? NONE
  const [r0, r1] = parts.raw[0] ?? NONE
  const [r2, r3] = parts.raw[1] ?? NONE
  const values = { month: parts.month ?? "-infinity", d0, d1, d2, d3, r0, r1, r2, r3 }
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [`${side}_${key}`, value])
  ) as Record<SideKey, string>
}

/** 分销核算's SQL with its `:name` values as positional bindings, in the order they appear. */
export function commissionAccountsQuery(values: CommissionAccountsValues): {
  sql: string
  bindings: unknown[]
} {
  const bound: Bound = {
    affiliate_id: values.affiliate_id,
    ...sideValues("start", values.atStart, values.t0),
    ...sideValues("end", values.atEnd, values.t1),
    limit: values.limit,
    offset: values.offset,
  }
  const bindings: unknown[] = []
  const sql = COMMISSION_ACCOUNTS.replace(/(?<!:):([a-z_0-9]+)\b/g, (_match, name: string) => {
    const key = name in TYPES ? (name as keyof Bound) : null
    if (!key) throw new Error(`分销核算 SQL 的参数 ${name} 未定义`)
    bindings.push(bound[key])
    return `?::${TYPES[key]}`
  })
  return { sql, bindings }
}

/** Which ledger lines stand behind each figure of 分销核算. */
export const COMMISSION_FIGURE_KINDS = {
  accrued: "e.kind = 'commission'",
  reversed: "e.kind = 'reversal'",
  matured: "e.kind = 'maturation' and e.bucket = 'available'",
  withdrawn: "e.kind = 'withdrawal_paid' and e.bucket = 'withdrawn'",
  all: "true",
} as const

export type CommissionFigure = keyof typeof COMMISSION_FIGURE_KINDS

/**
 * An affiliate's ledger lines behind a figure over [t0, t1), oldest first, with the order's
 * display id, the product's title and the buyer. Bindings: [affiliate_id, t0, t1]; the caller
 * appends paging. `count` and `total` (fen) are over every matching line.
 */
export function commissionEntriesSql(figure: CommissionFigure): string {
  return `
select e.id, e.kind, e.bucket, e.amount, e.created_at, e.order_id, o.display_id as order_display_id,
       coalesce(e.product_id, reversed.product_id) as product_id, pr.title as product_title,
       e.level, e.rate_bp, e.base_amount, e.withdrawal_id, e.note,
       cu.phone as buyer_phone, cu.first_name as buyer_first_name, cu.last_name as buyer_last_name,
       cu.email as buyer_email,
       count(*) over () as total_count, sum(e.amount) over () as total_amount
  from affiliate_ledger_entry e
  left join affiliate_ledger_entry reversed on reversed.id = e.reverses_entry_id
  left join "order" o on o.id = e.order_id
  left join product pr on pr.id = coalesce(e.product_id, reversed.product_id)
  left join customer cu on cu.id = coalesce(e.buyer_customer_id, reversed.buyer_customer_id)
 where e.deleted_at is null and e.affiliate_id = ? and e.created_at >= ? and e.created_at < ?
   and ${COMMISSION_FIGURE_KINDS[figure]}
 order by e.created_at, e.id`
}
