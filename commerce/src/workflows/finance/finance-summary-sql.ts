import { CHECKOUT_CLIENT_KEY } from "../checkout/steps/set-checkout-metadata-step"
import type { FinanceFilters, FinanceGroupBy } from "./finance-period"

/** The figures summed per row, each a column of the sums. */
const FIGURES = ["orders", "paid", "refunded", "store_credit", "commissions", "payouts"]

/** The reference of the credit lines the affiliate plugin writes when a balance pays. */
const STORE_CREDIT_REFERENCE = "affiliate_store_credit"

/**
 * Every value a query takes, bound once in a one-row CTE so each query has the same sixteen
 * bindings in the same order (see `financeBindings`); a null filter means "all". [t0, t1) is
 * what is read from the raw tables; the Beijing days r0..r1 outside u0..u1 are read from
 * the rollups (none when r0 is null): the whole months m0..m1 (first days; none when m0 is
 * null) from the monthly rollup, the other days from the daily one; the hours [h0, h1)
 * (none when h0 is null; they end where t0 starts) from the hourly rollup.
 */
const PARAMS = `
params as (
  select ?::timestamptz as t0, ?::timestamptz as t1, ?::text as product_id, ?::text as category_id,
         ?::text as customer_id, ?::text as channel, ?::text as provider_id, ?::text as order_status,
         ?::date as r0, ?::date as r1, ?::date as u0, ?::date as u1, ?::date as m0, ?::date as m1,
         ?::timestamptz as h0, ?::timestamptz as h1
)`

/**
 * Every movement of money in the period, one row each: `metric`, signed `amount` (fen; 1 for
 * an order), when it happened, what it belongs to, and `source_id`, the row it comes from
 * (order, capture, refund, credit line, ledger entry, withdrawal). Sources are Medusa's own
 * tables and the affiliate plugin's ledger and withdrawals. Amounts in yuan are numeric, so
 * `round(amount * 100)` is exact fen. Each source's period is bound directly (FACT_PERIODS
 * pairs of bindings after PARAMS'), not read from `params`: the planner then sees the dates,
 * estimates the rows, and joins them by hash rather than loop by loop.
 */
const FACTS = `
facts as (
  select 'orders' as metric, 1::numeric as amount, o.created_at as happened_at, o.id as order_id,
         null::text as provider_id, null::text as product_id, o.customer_id as member_id,
         o.id as source_id
    from "order" o
   where o.deleted_at is null and o.is_draft_order = false and o.status <> 'draft'
     and o.created_at >= ?::timestamptz and o.created_at < ?::timestamptz
  union all
  select 'paid', round(c.amount * 100), c.created_at, opc.order_id, p.provider_id, null, null, c.id
    from capture c
    join payment p on p.id = c.payment_id
    left join order_payment_collection opc
      on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
   where c.deleted_at is null and c.created_at >= ?::timestamptz and c.created_at < ?::timestamptz
  union all
  select 'refunded', round(r.amount * 100), r.created_at, opc.order_id, p.provider_id, null, null, r.id
    from refund r
    join payment p on p.id = r.payment_id
    left join order_payment_collection opc
      on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null
   where r.deleted_at is null and r.created_at >= ?::timestamptz and r.created_at < ?::timestamptz
  union all
  select 'store_credit', round(l.amount * 100), o.created_at, o.id, null, null, null, l.id
    from order_credit_line l
    join "order" o on o.id = l.order_id
   where l.deleted_at is null and l.reference = '${STORE_CREDIT_REFERENCE}'
     and o.deleted_at is null and o.is_draft_order = false and o.canceled_at is null
     and o.created_at >= ?::timestamptz and o.created_at < ?::timestamptz
  union all
  select 'commissions', e.amount, e.created_at, e.order_id, null,
         coalesce(e.product_id, reversed.product_id),
         coalesce(e.buyer_customer_id, reversed.buyer_customer_id), e.id
    from affiliate_ledger_entry e
    -- A reversal belongs to the product and buyer of the commission it takes back.
    left join affiliate_ledger_entry reversed on reversed.id = e.reverses_entry_id
   where e.deleted_at is null and e.kind in ('commission', 'reversal')
     and e.created_at >= ?::timestamptz and e.created_at < ?::timestamptz
  union all
  select 'payouts', w.amount, w.paid_at, null, null, null, a.customer_id, w.id
    from affiliate_withdrawal w
    join affiliate a on a.id = w.affiliate_id
   where w.deleted_at is null and w.status = 'paid' and w.paid_at >= ?::timestamptz and w.paid_at < ?::timestamptz
)`

/**
 * What each order behind a fact is: its status, buyer, and first payment's provider, which
 * also tells its channel (offline for the system provider, the mini-program for WeChat
 * JSAPI opened from the mini-program, the mini-program's H5 build when its checkout said so
 * (it pays like a phone browser), else the web).
 */
const ORDERS_OF = `
orders_of as (
  select o.id as order_id, o.status::text as status, o.customer_id, first_payment.provider_id,
         case when first_payment.provider_id is null then null
              when first_payment.provider_id = 'pp_system_default' then 'offline'
              when first_payment.app = 'mini_program' then 'miniprogram'
              when o.metadata ->> '${CHECKOUT_CLIENT_KEY}' = 'miniprogram_h5' then 'miniprogram_h5'
              else 'web' end as channel
    from "order" o
    left join lateral (
      select p.provider_id, p.data ->> 'app' as app
        from order_payment_collection opc
        join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
       where opc.order_id = o.id and opc.deleted_at is null
       order by p.created_at, p.id
       limit 1
    ) first_payment on true
   where o.id in (select order_id from facts where order_id is not null)
)`

/**
 * The facts with what they are filtered and grouped by: payment method (the fact's own
 * provider, else its order's), channel, member (the fact's own, else the buyer) and order
 * status; narrowed by every filter but product and category.
 */
const SCOPED = `
scoped as (
  select f.metric, f.amount, f.happened_at, f.order_id, f.product_id, f.source_id,
         coalesce(f.provider_id, oo.provider_id) as method,
         case when f.provider_id = 'pp_system_default' then 'offline' else oo.channel end as channel,
         coalesce(f.member_id, oo.customer_id) as member_id,
         oo.status as order_status
    from facts f
    left join orders_of oo on oo.order_id = f.order_id, params p
   where (p.customer_id is null or coalesce(f.member_id, oo.customer_id) = p.customer_id)
     and (p.provider_id is null or coalesce(f.provider_id, oo.provider_id) = p.provider_id)
     and (p.channel is null
          or (case when f.provider_id = 'pp_system_default' then 'offline' else oo.channel end) = p.channel)
     and (p.order_status is null or oo.status = p.order_status)
)`

/**
 * Each order's products with their cumulative share of its item value: an order's amount is
 * split as round(A × share up to this product) − round(A × share before it), so the parts
 * always add up to the whole to the fen. Free orders split evenly. A product or category
 * filter keeps only that product's (or category's) parts, the same figures as its row in
 * the product (or category) breakdown.
 */
const PRODUCT_SHARES = `
split as (
  select f.metric,
         case when f.metric = 'orders' then 1
              when s.whole > 0 then round(f.amount * s.upto / s.whole) - round(f.amount * s.before / s.whole)
              else round(f.amount * s.n / s.lines) - round(f.amount * (s.n - 1) / s.lines) end as amount,
         f.happened_at, f.order_id, s.product_id, s.title as product_label, f.source_id,
         f.method, f.channel, f.member_id, f.order_status
    from scoped f
    -- The fact's order's lines, looked up by index for each fact: linear in the facts,
    -- where joining two materialised sets the planner cannot estimate went loop by loop.
    cross join lateral (
      select l.product_id, l.title,
             sum(l.weight) over w as upto, sum(l.weight) over w - l.weight as before,
             sum(l.weight) over () as whole, row_number() over w as n, count(*) over () as lines
        from (
          select li.product_id, max(li.product_title) as title,
                 sum(oi.quantity * coalesce(oi.unit_price, li.unit_price)) as weight
            from order_item oi
            join "order" o on o.id = oi.order_id and oi.version = o.version
            join order_line_item li on li.id = oi.item_id
           where oi.deleted_at is null and oi.order_id = f.order_id
           group by li.product_id
        ) l
      window w as (order by l.product_id nulls last)
    ) s
   -- A fact without an order (a commission line of no order, say) has no lines to look up.
   where f.product_id is null and f.order_id is not null
  union all
  select f.metric, f.amount, f.happened_at, f.order_id, f.product_id, pr.title, f.source_id,
         f.method, f.channel, f.member_id, f.order_status
    from scoped f
    left join product pr on pr.id = f.product_id
   where f.product_id is not null
      or f.order_id is null
      or not exists (
           select 1 from order_item oi
             join "order" o on o.id = oi.order_id and oi.version = o.version
             join order_line_item li on li.id = oi.item_id
            where oi.deleted_at is null and oi.order_id = f.order_id)
),
raw_rows as (
  select r.*
    from split r, params p
   where (p.product_id is null or r.product_id = p.product_id)
     and (p.category_id is null or exists (
          select 1 from product_category_product pcp
           where pcp.product_id = r.product_id and pcp.product_category_id = p.category_id))
)`

/** Without a product or category in play, the scoped facts are the rows. */
const ROWS_WITHOUT_PRODUCTS = `
raw_rows as (
  select f.metric, f.amount, f.happened_at, f.order_id, f.product_id, null::text as product_label,
         f.source_id, f.method, f.channel, f.member_id, f.order_status
    from scoped f
)`

/**
 * The rolled-up days' rows (see finance-rollup.ts), shaped and filtered like the raw rows:
 * the split rows when products are in play, else the unsplit ones; whole months m0..m1 of
 * split rows from the monthly rollup (a month's row stands at its first day), and the finished
 * hours of the stretch read raw from the hourly rollup (an hour's row stands at its day). The days
 * around the months are two ranges, each read by its own index scan: one range with the
 * months left out by a filter would still walk every day of them. They carry no member, so
 * the member filter and breakdown read the member rollup instead.
 */
const rolledRows = (byProduct: boolean) => `
rolled_periods as (
  select r.day, r.metric, r.amount, r.product_id, r.product_label, r.method, r.channel, r.order_status
    from finance_daily_rollup r, params p
   where r.split = ${byProduct} and r.day between p.r0 and coalesce(p.m0 - 1, p.r1)
     and not coalesce(r.day between p.u0 and p.u1, false)
  union all
  select r.day, r.metric, r.amount, r.product_id, r.product_label, r.method, r.channel, r.order_status
    from finance_daily_rollup r, params p
   where r.split = ${byProduct} and p.m0 is not null
     and r.day between (p.m1 + interval '1 month')::date and p.r1
     and not coalesce(r.day between p.u0 and p.u1, false)
  union all
  select r.month, r.metric, r.amount, r.product_id, r.product_label, r.method, r.channel, r.order_status
    from finance_monthly_rollup r, params p
   where r.split = ${byProduct} and r.month between p.m0 and p.m1
  union all
  select (r.hour at time zone 'Asia/Shanghai')::date, r.metric, r.amount, r.product_id, r.product_label,
         r.method, r.channel, r.order_status
    from finance_hourly_rollup r, params p
   where r.split = ${byProduct} and r.hour >= p.h0 and r.hour < p.h1
),
rolled_rows as (
  select r.metric, r.amount::numeric as amount,
         (r.day::timestamp at time zone 'Asia/Shanghai') as happened_at, null::text as order_id,
         r.product_id, r.product_label, null::text as source_id, r.method, r.channel,
         null::text as member_id, r.order_status
    from rolled_periods r, params p
   where (p.provider_id is null or r.method = p.provider_id)
     and (p.channel is null or r.channel = p.channel)
     and (p.order_status is null or r.order_status = p.order_status)
     and (p.product_id is null or r.product_id = p.product_id)
     and (p.category_id is null or exists (
          select 1 from product_category_product pcp
           where pcp.product_id = r.product_id and pcp.product_category_id = p.category_id))
),
rows_in_scope as (
  select * from raw_rows
  union all
  select * from rolled_rows
)`

/**
 * The member rollups' rolled-up part (see finance-rollup.ts) summed per member, its figures
 * already columns, filtered like the raw rows: what the member breakdown and a member's
 * totals read instead of the raw rows. The rolled-up days (three ranges around the whole
 * months and the stretch read raw) from the member day rollup, the whole months (the
 * unfiltered breakdown only) from the member monthly rollup, and the finished hours the raw
 * stretch starts with (today's) from the member hourly rollup. Products are never in play
 * here. Its values are bound here, not read from `params`, so the planner sees how many rows
 * the days hold (bindings: `memberRollupBindings`, after `financeBindings`).
 */
const MEMBER_ROLLED_SUMS = `
rolled_sums as (
  select r.member_id as key,
         ${FIGURES.map((figure) => `sum(r.${figure})::bigint as ${figure}`).join(", ")}
    from (
      select member_id, method, channel, order_status, ${FIGURES.join(", ")}
        from finance_member_daily_rollup
       where day between ?::date and ?::date or day between ?::date and ?::date
          or day between ?::date and ?::date
      union all
      select member_id, null, null, null, ${FIGURES.join(", ")}
        from finance_member_monthly_rollup
       where month between ?::date and ?::date
      union all
      select member_id, method, channel, order_status, ${FIGURES.join(", ")}
        from finance_member_hourly_rollup
       where hour >= ?::timestamptz and hour < ?::timestamptz
    ) r
   where (?::text is null or r.member_id = ?::text)
     and (?::text is null or r.method = ?::text)
     and (?::text is null or r.channel = ?::text)
     and (?::text is null or r.order_status = ?::text)
   group by r.member_id
)`

const DAY_MS = 24 * 3600_000
const dayAfter = (day: string, by: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10)
/** The first day of the month after the one `day` (a first day) starts. */
const monthAfter = (day: string) => {
  const [year, month] = day.split("-").map(Number)
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
}

/**
 * The bindings MEMBER_ROLLED_SUMS adds: the rolled-up days as three ranges (before and after
 * the whole months, and after the stretch read raw; an empty range is 'infinity' to
 * '-infinity'), the whole months, the rolled-up hours, then the filters. Whole months only
 * serve without filters (the member monthly rollup has neither method, channel nor status).
 */
export function memberRollupBindings(filters: FinanceFilters, rollup?: RollupSpan): unknown[] {
  const none = ["infinity", "-infinity"]
  const ranges: string[][] = []
  if (rollup) {
    const lastBefore = rollup.rawFirst === null ? rollup.to : dayAfter(rollup.rawFirst, -1)
    const months = rollup.months
    if (months) {
      ranges.push([rollup.from, dayAfter(months.first, -1)], [monthAfter(months.last), lastBefore])
    } else {
      ranges.push([rollup.from, lastBefore])
    }
    if (rollup.rawLast !== null) ranges.push([dayAfter(rollup.rawLast, 1), rollup.to])
  }
  while (ranges.length < 3) ranges.push(none)
  const twice = (value: string | undefined) => [value ?? null, value ?? null]
  return [
    ...ranges.flat(),
    ...(rollup?.months ? [rollup.months.first, rollup.months.last] : none),
    ...(rollup?.hours ? [rollup.hours.first, rollup.hours.end] : none),
    ...twice(filters.customer_id),
    ...twice(filters.provider_id),
    ...twice(filters.channel),
    ...twice(filters.order_status),
  ]
}

/**
 * The bindings of `totalsSql` or `groupsSql` for these filters and breakdown: `financeBindings`,
 * then, when the member rollup serves, `memberRollupBindings`.
 */
export function summaryBindings(
  start: string,
  end: string,
  filters: FinanceFilters,
  groupBy: FinanceGroupBy | undefined,
  rollup?: RollupSpan
): unknown[] {
  return [
    ...financeBindings(start, end, filters, rollup),
    ...(rollupFor(filters, groupBy) === "member" ? memberRollupBindings(filters, rollup) : []),
  ]
}

/**
 * Which rollup a query reads: the day rollup (no member in play), the member rollup (a
 * member filter or the member breakdown, without products), or none (both: raw only).
 */
export function rollupFor(
  filters: FinanceFilters,
  groupBy?: FinanceGroupBy
): "day" | "member" | null {
  const byMember = Boolean(filters.customer_id) || groupBy === "member"
  if (!byMember) return "day"
  if (splitsByProduct(filters, groupBy)) return null
  return groupBy === undefined || groupBy === "member" ? "member" : null
}

/** Whether a query splits money over products (a product or category in play). */
export function splitsByProduct(filters: FinanceFilters, groupBy?: FinanceGroupBy): boolean {
  return (
    Boolean(filters.product_id || filters.category_id) ||
    groupBy === "product" ||
    groupBy === "category"
  )
}

/** The raw CTEs, ending in `raw_rows`: every fact of [t0, t1) with what it is filtered by. */
export function rawRowsCtes(byProduct: boolean): string {
  return [
    PARAMS,
    FACTS,
    ORDERS_OF,
    SCOPED,
    byProduct ? PRODUCT_SHARES : ROWS_WITHOUT_PRODUCTS,
  ].join(",\n")
}

/** The CTEs every finance query starts with, ending in `rows_in_scope`. */
function rowsCtes(filters: FinanceFilters, groupBy?: FinanceGroupBy): string {
  const byProduct = splitsByProduct(filters, groupBy)
  return `${rawRowsCtes(byProduct)},\n${rolledRows(byProduct)}`
}

/**
 * Which part of a period comes from the rollup: the Beijing days `from`..`to` except
 * `rawFirst`..`rawLast` (read raw; null when every day is rolled up).
 */
export type RollupSpan = {
  from: string
  to: string
  rawFirst: string | null
  rawLast: string | null
  /** The whole months (first days) read from the monthly rollup; product splits only. */
  months?: { first: string; last: string } | null
  /** The hours [first, end) read from the hourly rollup; the raw read starts at `end`. */
  hours?: { first: string; end: string } | null
}

/** The six sources of FACTS, each bound [start, end) of its own. */
const FACT_PERIODS = 6

/**
 * The bindings of every finance query: PARAMS' in order ([start, end) read raw, and the
 * rollup's part when there is one), then [start, end) for each source of FACTS.
 */
export function financeBindings(
  start: string,
  end: string,
  filters: FinanceFilters,
  rollup?: RollupSpan
) {
  return [
    start,
    end,
    filters.product_id ?? null,
    filters.category_id ?? null,
    filters.customer_id ?? null,
    filters.channel ?? null,
    filters.provider_id ?? null,
    filters.order_status ?? null,
    rollup?.from ?? null,
    rollup?.to ?? null,
    rollup?.rawFirst ?? null,
    rollup?.rawLast ?? null,
    rollup?.months?.first ?? null,
    rollup?.months?.last ?? null,
    rollup?.hours?.first ?? null,
    rollup?.hours?.end ?? null,
    ...Array.from({ length: FACT_PERIODS }, () => [start, end]).flat(),
  ]
}

const MEMBER_LABEL = `coalesce(nullif(trim(coalesce(cu.last_name, '') || coalesce(cu.first_name, '')), ''), cu.email)`

/** Rows of (key, label, metric, amount) for one breakdown. */
const GROUPED: Record<FinanceGroupBy, { rows: string; order: string }> = {
  day: {
    rows: `select to_char(r.happened_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key,
                  null::text as label, r.metric, r.amount
             from rows_in_scope r`,
    order: "key",
  },
  channel: {
    rows: `select r.channel as key, null::text as label, r.metric, r.amount from rows_in_scope r`,
    order: "paid desc, key",
  },
  payment_method: {
    rows: `select r.method as key, null::text as label, r.metric, r.amount from rows_in_scope r`,
    order: "paid desc, key",
  },
  member: {
    rows: `select r.member_id as key, null::text as label, r.metric, r.amount from rows_in_scope r`,
    order: "paid desc, key",
  },
  product: {
    rows: `select r.product_id as key, r.product_label as label, r.metric, r.amount from rows_in_scope r`,
    order: "paid desc, key",
  },
  category: {
    rows: `select r.product_id as key, null::text as label, r.metric, r.amount from rows_in_scope r`,
    order: "paid desc, key",
  },
}

const SUMS = `
  coalesce(sum(amount) filter (where metric = 'orders'), 0)::bigint as orders,
  coalesce(sum(amount) filter (where metric = 'paid'), 0)::bigint as paid,
  coalesce(sum(amount) filter (where metric = 'refunded'), 0)::bigint as refunded,
  coalesce(sum(amount) filter (where metric = 'store_credit'), 0)::bigint as store_credit,
  coalesce(sum(amount) filter (where metric = 'commissions'), 0)::bigint as commissions,
  coalesce(sum(amount) filter (where metric = 'payouts'), 0)::bigint as payouts`

/**
 * The raw rows and the member rollup, both summed per member, then per member together:
 * `member_sums`. Bindings: `financeBindings`.
 */
const memberSumsCtes = () => `${rawRowsCtes(false)}, ${MEMBER_ROLLED_SUMS},
raw_sums as (select member_id as key, ${SUMS} from raw_rows group by member_id),
member_sums as (
  select key, ${FIGURES.map((f) => `sum(${f})::bigint as ${f}`).join(", ")}
    from (select * from raw_sums union all select * from rolled_sums) both_parts
   group by key
)`

/** Totals over the period; bindings: `financeBindings`. */
export function totalsSql(filters: FinanceFilters): string {
  if (rollupFor(filters) === "member") {
    return `with ${memberSumsCtes()}
      select ${FIGURES.map((f) => `coalesce(sum(${f}), 0)::bigint as ${f}`).join(", ")}
        from member_sums`
  }
  return `with ${rowsCtes(filters)} select ${SUMS} from rows_in_scope`
}

/**
 * What some breakdowns add once the rows are summed per key (never per row, which at volume
 * would join every row): the member's name, and each product's categories (a product in two
 * categories counts in both; one in none under no category).
 */
const AFTER_SUMS: Partial<Record<FinanceGroupBy, string>> = {
  member: `select s.key, ${MEMBER_LABEL} as label, ${FIGURES.map((f) => `s.${f}`).join(", ")}
             from sums s left join customer cu on cu.id = s.key`,
  category: `select pcp.product_category_id as key, max(pc.name) as label,
                    ${FIGURES.map((f) => `sum(s.${f})::bigint as ${f}`).join(", ")}
               from sums s
               left join product_category_product pcp on pcp.product_id = s.key
               left join product_category pc on pc.id = pcp.product_category_id and pc.deleted_at is null
              group by pcp.product_category_id`,
}

/**
 * One page of `source` (a CTE) in `order`, and how many rows all pages hold, in every row
 * (`group_count`; one row with only the count when the page is past the last). Bindings:
 * the limit and offset, after the query's own.
 */
const pagedCtes = (source: string, order: string) => `
counted as (select count(*)::bigint as group_count from ${source}),
page as (select true as in_page, s.* from ${source} s order by ${order} limit ? offset ?)`

/**
 * One row per group key with the same sums; bindings: `financeBindings` (and for the member
 * breakdown `memberRollupBindings`), then, when `paged`, the limit and offset. A page is
 * the top groups by money paid (every breakdown but the day's is in that order); only the
 * page's members are looked up by name.
 */
export function groupsSql(groupBy: FinanceGroupBy, filters: FinanceFilters, paged = false): string {
  if (rollupFor(filters, groupBy) === "member") {
    if (paged) {
      return `with ${memberSumsCtes()}, ${pagedCtes("member_sums", GROUPED.member.order)}
        select c.group_count, p.in_page, p.key, ${MEMBER_LABEL} as label,
               ${FIGURES.map((f) => `p.${f}`).join(", ")}
          from counted c
          left join page p on true
          left join customer cu on cu.id = p.key
         order by p.paid desc, p.key`
    }
    // Each part is labelled before the parts are summed together: the planner can tell how
    // many members each part holds (and hash-joins the customers), not how many their union
    // holds (it guessed 200 and looked a hundred thousand members up one by one).
    const labelled = (part: string) =>
      `select s.key, ${MEMBER_LABEL} as label, ${FIGURES.map((f) => `s.${f}`).join(", ")}
         from ${part} s left join customer cu on cu.id = s.key`
    return `with ${memberSumsCtes()},
      labelled as (
        select key, max(label) as label, ${FIGURES.map((f) => `sum(${f})::bigint as ${f}`).join(", ")}
          from (${labelled("raw_sums")} union all ${labelled("rolled_sums")}) both_parts
         group by key
      )
      select * from labelled order by ${GROUPED.member.order}`
  }
  const { rows, order } = GROUPED[groupBy]
  const sums = `grouped as (${rows}), sums as (select key, max(label) as label, ${SUMS} from grouped group by key)`
  const after = AFTER_SUMS[groupBy]
  const ctes = after
    ? `${rowsCtes(filters, groupBy)}, ${sums}, labelled as (${after})`
    : `${rowsCtes(filters, groupBy)}, ${sums}`
  const source = after ? "labelled" : "sums"
  if (paged) {
    return `with ${ctes}, ${pagedCtes(source, order)}
      select c.group_count, p.* from counted c left join page p on true
       order by p.paid desc, p.key`
  }
  return `with ${ctes} select * from ${source} order by ${order}`
}

/**
 * The member breakdown of whole months whose every day is rolled up, with no filter but the
 * period, from the member monthly rollup: one row per member and month, where the general
 * path sums each member's days. One month is read in the index's order (money paid, then
 * member), so a page is the index's next rows and its count the month's rows; more months
 * are summed per member first. Same rows, order and paging as `groupsSql("member", {})`.
 * Bindings: `memberMonthsBindings`.
 */
export function memberMonthsSql(oneMonth: boolean, paged: boolean): string {
  const source = oneMonth
    ? `(select member_id as key, ${FIGURES.join(", ")} from finance_member_monthly_rollup
         where month = ?::date)`
    : `(select member_id as key, ${FIGURES.map((f) => `sum(${f})::bigint as ${f}`).join(", ")}
          from finance_member_monthly_rollup where month between ?::date and ?::date
         group by member_id)`
  const figuresOf = (part: string) => FIGURES.map((f) => `${part}.${f}`).join(", ")
  if (!paged) {
    return `select s.key, ${MEMBER_LABEL} as label, ${figuresOf("s")}
      from ${source} s left join customer cu on cu.id = s.key
     order by s.paid desc, s.key`
  }
  // The source twice, not a shared CTE: a CTE read twice is materialised, and its page
  // would be sorted from every member instead of read off the index.
  return `with counted as (select count(*)::bigint as group_count from ${source} all_members),
      page as (select true as in_page, s.* from ${source} s order by s.paid desc, s.key limit ? offset ?)
    select c.group_count, p.in_page, p.key, ${MEMBER_LABEL} as label, ${figuresOf("p")}
      from counted c
      left join page p on true
      left join customer cu on cu.id = p.key
     order by p.paid desc, p.key`
}

/** The bindings of `memberMonthsSql`: the months (once or twice over), then the paging. */
export function memberMonthsBindings(
  months: { first: string; last: string },
  page?: { limit: number; offset: number }
): unknown[] {
  const span = months.first === months.last ? [months.first] : [months.first, months.last]
  return page ? [...span, ...span, page.limit, page.offset] : span
}

/**
 * The rows behind one figure, oldest first, each traceable: the source row's id, the order's
 * display id, the member, the amount in fen. Bindings: `financeBindings`, then the figure;
 * the caller appends its own paging.
 */
export function entriesSql(filters: FinanceFilters): string {
  return `with ${rowsCtes(filters)}
    select r.source_id as id, r.metric as figure, r.amount::bigint as amount, r.happened_at,
           r.order_id, o.display_id as order_display_id, r.product_id, r.method as provider_id,
           r.channel, r.member_id, cu.phone as member_phone, cu.first_name as member_first_name,
           cu.last_name as member_last_name, cu.email as member_email
      from rows_in_scope r
      left join "order" o on o.id = r.order_id
      left join customer cu on cu.id = r.member_id
     where r.metric = ?
     order by r.happened_at, r.source_id, r.product_id`
}

/** How many rows behind one figure, and their sum in fen. Bindings: as `entriesSql`. */
export function entriesCountSql(filters: FinanceFilters): string {
  return `with ${rowsCtes(filters)}
    select count(*)::bigint as count, coalesce(sum(amount), 0)::bigint as amount
      from rows_in_scope where metric = ?`
}
