import type { FinanceGroupBy } from "./finance-period"

/** The reference of the credit lines the affiliate plugin writes when a balance pays. */
const STORE_CREDIT_REFERENCE = "affiliate_store_credit"

/**
 * Every movement of money in the period, one row each: `metric`, signed `amount` (fen; 1 for
 * an order), when it happened and what it belongs to. Sources are Medusa's own tables
 * (orders, captures, refunds, credit lines) and the affiliate plugin's ledger and
 * withdrawals. Amounts in yuan are numeric, so `round(amount * 100)` is exact fen.
 */
const FACTS = `
bounds as (select ?::timestamptz as t0, ?::timestamptz as t1),
facts as (
  select 'orders' as metric, 1::numeric as amount, o.created_at as happened_at, o.id as order_id,
         null::text as provider_id, null::text as product_id, o.customer_id as member_id
    from "order" o, bounds b
   where o.deleted_at is null and o.is_draft_order = false and o.status <> 'draft'
     and o.created_at >= b.t0 and o.created_at < b.t1
  union all
  select 'paid', round(c.amount * 100), c.created_at, opc.order_id, p.provider_id, null, null
    from capture c
    join payment p on p.id = c.payment_id
    left join order_payment_collection opc
      on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null, bounds b
   where c.deleted_at is null and c.created_at >= b.t0 and c.created_at < b.t1
  union all
  select 'refunded', round(r.amount * 100), r.created_at, opc.order_id, p.provider_id, null, null
    from refund r
    join payment p on p.id = r.payment_id
    left join order_payment_collection opc
      on opc.payment_collection_id = p.payment_collection_id and opc.deleted_at is null, bounds b
   where r.deleted_at is null and r.created_at >= b.t0 and r.created_at < b.t1
  union all
  select 'store_credit', round(l.amount * 100), o.created_at, o.id, null, null, null
    from order_credit_line l
    join "order" o on o.id = l.order_id, bounds b
   where l.deleted_at is null and l.reference = '${STORE_CREDIT_REFERENCE}'
     and o.deleted_at is null and o.is_draft_order = false and o.canceled_at is null
     and o.created_at >= b.t0 and o.created_at < b.t1
  union all
  select 'commissions', e.amount, e.created_at, e.order_id, null,
         coalesce(e.product_id, reversed.product_id),
         coalesce(e.buyer_customer_id, reversed.buyer_customer_id)
    from affiliate_ledger_entry e
    -- A reversal belongs to the product and buyer of the commission it takes back.
    left join affiliate_ledger_entry reversed on reversed.id = e.reverses_entry_id, bounds b
   where e.deleted_at is null and e.kind in ('commission', 'reversal')
     and e.created_at >= b.t0 and e.created_at < b.t1
  union all
  select 'payouts', w.amount, w.paid_at, null, null, null, a.customer_id
    from affiliate_withdrawal w
    join affiliate a on a.id = w.affiliate_id, bounds b
   where w.deleted_at is null and w.status = 'paid' and w.paid_at >= b.t0 and w.paid_at < b.t1
)`

/** The payment provider of each order (its first), for rows that carry none themselves. */
const ORDER_PROVIDERS = `
order_providers as (
  select opc.order_id, min(p.provider_id) as provider_id
    from order_payment_collection opc
    join payment p on p.payment_collection_id = opc.payment_collection_id and p.deleted_at is null
   where opc.deleted_at is null and opc.order_id in (select order_id from facts)
   group by opc.order_id
)`

/**
 * Each order's products with their cumulative share of its item value: an order's amount is
 * split as round(A × share up to this product) − round(A × share before it), so the parts
 * always add up to the whole to the fen. Free orders split evenly.
 */
const PRODUCT_SHARES = `
lines as (
  select oi.order_id, li.product_id, max(li.product_title) as title,
         sum(oi.quantity * coalesce(oi.unit_price, li.unit_price)) as weight
    from order_item oi
    join "order" o on o.id = oi.order_id and oi.version = o.version
    join order_line_item li on li.id = oi.item_id
   where oi.deleted_at is null and oi.order_id in (select order_id from facts)
   group by oi.order_id, li.product_id
),
shares as (
  select order_id, product_id, title,
         sum(weight) over w as upto, sum(weight) over w - weight as before,
         sum(weight) over (partition by order_id) as whole,
         row_number() over w as n, count(*) over (partition by order_id) as lines
    from lines
  window w as (partition by order_id order by product_id nulls last)
),
product_rows as (
  select s.product_id as key, s.title as label, f.metric,
         case when f.metric = 'orders' then 1
              when s.whole > 0 then round(f.amount * s.upto / s.whole) - round(f.amount * s.before / s.whole)
              else round(f.amount * s.n / s.lines) - round(f.amount * (s.n - 1) / s.lines) end as amount
    from facts f
    join shares s on s.order_id = f.order_id
   where f.product_id is null
  union all
  select f.product_id, pr.title, f.metric, f.amount
    from facts f
    left join product pr on pr.id = f.product_id
   where f.product_id is not null
      or not exists (select 1 from shares s where s.order_id = f.order_id)
)`

const MEMBER_LABEL = `coalesce(nullif(trim(coalesce(cu.last_name, '') || coalesce(cu.first_name, '')), ''), cu.email)`

/** Rows of (key, label, metric, amount) for one breakdown. */
const ROWS: Record<FinanceGroupBy, { ctes: string[]; rows: string; order: string }> = {
  day: {
    ctes: [],
    rows: `select to_char(f.happened_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key,
                  null::text as label, f.metric, f.amount
             from facts f`,
    order: "key",
  },
  channel: {
    ctes: [],
    rows: `select o.sales_channel_id as key, sc.name as label, f.metric, f.amount
             from facts f
             left join "order" o on o.id = f.order_id
             left join sales_channel sc on sc.id = o.sales_channel_id`,
    order: "paid desc, key",
  },
  payment_method: {
    ctes: [ORDER_PROVIDERS],
    rows: `select coalesce(f.provider_id, op.provider_id) as key, null::text as label, f.metric, f.amount
             from facts f
             left join order_providers op on op.order_id = f.order_id`,
    order: "paid desc, key",
  },
  member: {
    ctes: [],
    rows: `select coalesce(f.member_id, o.customer_id) as key, ${MEMBER_LABEL} as label, f.metric, f.amount
             from facts f
             left join "order" o on o.id = f.order_id
             left join customer cu on cu.id = coalesce(f.member_id, o.customer_id)`,
    order: "paid desc, key",
  },
  product: {
    ctes: [PRODUCT_SHARES],
    rows: `select key, label, metric, amount from product_rows`,
    order: "paid desc, key",
  },
  category: {
    ctes: [PRODUCT_SHARES],
    rows: `select pcp.product_category_id as key, pc.name as label, r.metric, r.amount
             from product_rows r
             left join product_category_product pcp on pcp.product_id = r.key
             left join product_category pc on pc.id = pcp.product_category_id and pc.deleted_at is null`,
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

/** Totals over the period; bindings: [start, end]. */
export const TOTALS_SQL = `with ${FACTS} select ${SUMS} from facts`

/** One row per group key with the same sums; bindings: [start, end]. */
export function groupsSql(groupBy: FinanceGroupBy): string {
  const { ctes, rows, order } = ROWS[groupBy]
  return `with ${[FACTS, ...ctes, `grouped as (${rows})`].join(",\n")}
    select key, max(label) as label, ${SUMS}
      from grouped group by key order by ${order}`
}
