import type { DashboardQueryType } from "./dashboard-query"
import { AFFILIATE_LEVEL_LABELS } from "./dashboard-labels"
import { bounds, type Knex } from "./period-bounds"

/**
 * Commission earned in the period per level: orders behind it, the sales it was computed
 * on (what buyers paid for the lines) and the commission, with how much of that commission
 * has been reversed since. Integer fen from the ledger.
 */
const AFFILIATES_SQL = `
with earned as (
  select e.id, e.level, e.order_id, e.base_amount, e.amount from affiliate_ledger_entry e
   where e.deleted_at is null and e.kind = 'commission' and e.level between 1 and 3
     and e.created_at >= ?::timestamptz and e.created_at < ?::timestamptz
)
select e.level, count(distinct e.order_id)::bigint orders,
       coalesce(sum(e.base_amount), 0)::bigint sales, sum(e.amount)::bigint commission,
       coalesce(sum(r.reversed), 0)::bigint reversed
  from earned e
  left join lateral (
    select -sum(r.amount) reversed from affiliate_ledger_entry r
     where r.reverses_entry_id = e.id and r.kind = 'reversal' and r.deleted_at is null
  ) r on true
 group by 1 order by 1`

export async function affiliateContribution(knex: Knex, q: DashboardQueryType) {
  const { rows } = await knex.raw(AFFILIATES_SQL, bounds(q))
  return rows.map((r) => ({
    level: Number(r.level),
    label: AFFILIATE_LEVEL_LABELS[Number(r.level)],
    orders: Number(r.orders),
    sales: Number(r.sales),
    commission: Number(r.commission),
    reversed: Number(r.reversed),
  }))
}
