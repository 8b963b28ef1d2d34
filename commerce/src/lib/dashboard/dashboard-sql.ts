import type { DashboardQueryType } from "./dashboard-query"
import { bounds, type Knex } from "./period-bounds"

/**
 * Paid amount (captures, fen) and orders per Beijing day/week/month. Captured amounts are
 * numeric yuan, so `round(amount * 100)` is exact fen.
 */
const SALES_SQL = `
with b as (select ?::timestamptz t0, ?::timestamptz t1, ?::text g),
facts as (
  select c.created_at at, round(c.amount * 100) paid, 0 orders
    from capture c, b where c.deleted_at is null and c.created_at >= b.t0 and c.created_at < b.t1
  union all
  select o.created_at, 0, 1 from "order" o, b
   where o.deleted_at is null and o.is_draft_order = false and o.status <> 'draft'
     and o.created_at >= b.t0 and o.created_at < b.t1
)
select to_char(date_trunc(b.g, f.at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') period,
       sum(f.paid)::bigint paid, sum(f.orders)::bigint orders
  from facts f, b group by 1 order by 1`

/** Orders per shipping-address province. */
const REGIONS_SQL = `
select coalesce(nullif(a.province, ''), '未知') province, count(*)::bigint orders
  from "order" o left join order_address a on a.id = o.shipping_address_id
 where o.deleted_at is null and o.is_draft_order = false and o.status <> 'draft'
   and o.created_at >= ?::timestamptz and o.created_at < ?::timestamptz
 group by 1 order by 2 desc, 1`

export async function salesSeries(knex: Knex, q: DashboardQueryType) {
  const { rows } = await knex.raw(SALES_SQL, [...bounds(q), q.granularity])
  return rows.map((r) => ({
    period: String(r.period),
    paid: Number(r.paid),
    orders: Number(r.orders),
  }))
}

export async function regionCounts(knex: Knex, q: DashboardQueryType) {
  const { rows } = await knex.raw(REGIONS_SQL, bounds(q))
  return rows.map((r) => ({ province: String(r.province), orders: Number(r.orders) }))
}
