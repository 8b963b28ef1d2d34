import { financeBindings, rawRowsCtes } from "./finance-summary-sql"
import { daysOf, periodBounds } from "./finance-period"
import type { Knex } from "./finance-knex"

/** Medusa's knex as the rollup uses it: plain reads and a transaction. */
export type RollupKnex = Knex & {
  transaction<T>(run: (trx: Knex) => Promise<T>): Promise<T>
}

/**
 * A day is rolled up once it has been over for this long, so a transaction still writing
 * the day's money when Beijing's midnight passed has committed before the day is read.
 */
const GRACE = "1 hour"

/**
 * One day's rows of the rollup, as the raw queries compute them without filters: split over
 * products, or not (then the product is left out and an order counts once). Bindings:
 * `financeBindings` of the day, then the day.
 */
function rollupInsertSql(split: boolean): string {
  return `with ${rawRowsCtes(split)}
    insert into finance_daily_rollup
      (day, split, metric, product_id, product_label, method, channel, order_status, amount, rows)
    select ?::date, ${split}, metric, ${split ? "product_id, max(product_label)" : "null, null"},
           method, channel, order_status, sum(amount)::bigint, count(*)
      from raw_rows
     group by metric, ${split ? "product_id, " : ""}method, channel, order_status`
}

/**
 * Recomputes one past Beijing day of the rollup from the raw tables; idempotent. The day's
 * row exists first (committed), so a write to the day's money from then on takes its lock
 * in the trigger; the refresh clears the mark under the same lock before it reads, so a
 * concurrent change either is read or marks the day dirty again. Two refreshes of one day
 * run one after the other on that lock.
 */
export async function refreshFinanceRollupDay(knex: RollupKnex, day: string): Promise<void> {
  await knex.raw(
    `insert into finance_rollup_day (id, dirty_at) values (?, now()) on conflict (id) do nothing`,
    [day]
  )
  const { start, end } = periodBounds(day, day)
  await knex.transaction(async (trx) => {
    await trx.raw(
      `update finance_rollup_day set refreshed_at = now(), dirty_at = null, updated_at = now()
        where id = ?`,
      [day]
    )
    await trx.raw(`delete from finance_daily_rollup where day = ?::date`, [day])
    for (const split of [false, true]) {
      await trx.raw(rollupInsertSql(split), [...financeBindings(start, end, {}), day])
    }
  })
}

/**
 * The days a refresh run does: every day marked dirty, and every finished day after the
 * last one rolled up (from the first day with money, on the first run), oldest first.
 */
export async function daysToRefresh(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(
    `with bounds as (
       select ((now() at time zone 'Asia/Shanghai') - interval '${GRACE}')::date - 1 as last_day,
              coalesce(
                (select max(id)::date + 1 from finance_rollup_day where refreshed_at is not null),
                (select (least(
                   (select min(created_at) from "order" where deleted_at is null),
                   (select min(created_at) from capture where deleted_at is null),
                   (select min(created_at) from affiliate_ledger_entry where deleted_at is null)
                 ) at time zone 'Asia/Shanghai')::date)
              ) as first_day
     )
     select to_char(d, 'YYYY-MM-DD') as day
       from bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') d
     union
     select id from finance_rollup_day, bounds
      where dirty_at is not null and id::date <= bounds.last_day
     order by day`,
    []
  )
  return rows.map((row) => row.day as string)
}

/** One run of the rollup job: refreshes what `daysToRefresh` finds; returns those days. */
export async function refreshFinanceRollups(knex: RollupKnex): Promise<string[]> {
  const days = await daysToRefresh(knex)
  for (const day of days) await refreshFinanceRollupDay(knex, day)
  return days
}

/**
 * How a period is read: its rolled-up days (refreshed, not dirty) from the rollup, and the
 * stretch from the first to the last day that is not rolled up from the raw tables (in a
 * live system: today, and a past day whose money just changed). Read in the same snapshot
 * as the figures.
 */
export async function rollupSpanOf(
  knex: Knex,
  from: string,
  to: string
): Promise<{ start: string; end: string; rollup: RollupSpanOrNone }> {
  const { rows } = await knex.raw(
    `select id from finance_rollup_day
      where id between ? and ? and refreshed_at is not null and dirty_at is null`,
    [from, to]
  )
  const rolled = new Set(rows.map((row) => row.id as string))
  const raw = daysOf(from, to).filter((day) => !rolled.has(day))
  if (!raw.length) {
    const { start } = periodBounds(from, to)
    return { start, end: start, rollup: { from, to, rawFirst: null, rawLast: null } }
  }
  const rawFirst = raw[0]
  const rawLast = raw[raw.length - 1]
  const { start, end } = periodBounds(rawFirst, rawLast)
  return {
    start,
    end,
    rollup: rolled.size ? { from, to, rawFirst, rawLast } : undefined,
  }
}

type RollupSpanOrNone = Parameters<typeof financeBindings>[3]
