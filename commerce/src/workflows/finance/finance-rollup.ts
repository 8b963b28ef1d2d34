import { financeBindings } from "./finance-summary-sql"
import { daysOf, periodBounds } from "./finance-period"
import { GRACE, type Knex, type RollupKnex } from "./finance-knex"
import { LEDGER_DAYS_INSERT_SQL, refreshLedgerMonths } from "./ledger-rollup"
import { rollupRowsSql, unsplitRollupSql } from "./rollup-rows-sql"
import { refreshFinanceHours, rolledHoursOf } from "./hour-rollup"

export type { RollupKnex }

const FIGURE_COLUMNS = ["orders", "paid", "refunded", "store_credit", "commissions", "payouts"]

/**
 * One month's product split rows summed from its days' (bindings: the month's first day,
 * twice): the year's product and category breakdowns read twelve months, not 365 days.
 */
const ROLLUP_MONTH_SQL = `insert into finance_monthly_rollup
      (month, split, metric, product_id, product_label, method, channel, order_status, amount, rows)
    select date_trunc('month', day)::date, true, metric, product_id, max(product_label), method,
           channel, order_status, sum(amount)::bigint, sum(rows)::bigint
      from finance_daily_rollup
     where split and day >= ?::date and day < (?::date + interval '1 month')
     group by 1, metric, product_id, method, channel, order_status`

/**
 * One month's member rows summed from its days' (bindings: the month's first day, twice):
 * the member breakdown of whole months reads a row per member, not one per member and day.
 */
const ROLLUP_MEMBER_MONTH_SQL = `insert into finance_member_monthly_rollup
      (month, member_id, ${FIGURE_COLUMNS.join(", ")})
    select date_trunc('month', day)::date, member_id,
           ${FIGURE_COLUMNS.map((figure) => `sum(${figure})::bigint`).join(", ")}
      from finance_member_daily_rollup
     where day >= ?::date and day < (?::date + interval '1 month')
     group by 1, member_id`

/** The first days of the months `first`..`last` touch, oldest first. */
function monthsOf(first: string, last: string): string[] {
  return [...new Set(daysOf(first, last).map((day) => `${day.slice(0, 7)}-01`))]
}

/**
 * Recomputes a run of consecutive past Beijing days (`first`..`last`) of the day, member and
 * ledger (per affiliate, for 分销核算) rollups, and their months of the monthly and member
 * monthly rollups, from the raw tables; idempotent. The days' rows exist first (committed), so a
 * write to a day's money from then on takes its lock in the trigger; the refresh clears the
 * marks under the same locks before it reads, so a concurrent change either is read or
 * marks its day dirty again. Two refreshes of one day run one after the other on that lock.
 */
export async function refreshFinanceRollupRun(
  knex: RollupKnex,
  first: string,
  last: string
): Promise<void> {
  await knex.raw(
    `insert into finance_rollup_day (id, dirty_at)
     select to_char(d, 'YYYY-MM-DD'), now() from generate_series(?::date, ?::date, interval '1 day') d
     on conflict (id) do nothing`,
    [first, last]
  )
  const { start, end } = periodBounds(first, last)
  await knex.transaction(async (trx) => {
    await trx.raw(
      `update finance_rollup_day set refreshed_at = now(), dirty_at = null, updated_at = now()
        where id between ? and ?`,
      [first, last]
    )
    await trx.raw(`delete from finance_daily_rollup where day between ?::date and ?::date`, [
      first,
      last,
    ])
    await trx.raw(`delete from finance_member_daily_rollup where day between ?::date and ?::date`, [
      first,
      last,
    ])
    await trx.raw(
      `delete from finance_affiliate_daily_rollup where day between ?::date and ?::date`,
      [first, last]
    )
    await trx.raw(LEDGER_DAYS_INSERT_SQL, [start, end])
    await trx.raw(unsplitRollupSql("day"), financeBindings(start, end, {}))
    await trx.raw(rollupRowsSql("finance_daily_rollup", true), financeBindings(start, end, {}))
    // The run's months from their days' rows, in this transaction: a month's rows are the sum
    // of its days' whenever every day is clean (a reader uses a month only then). The lock
    // serialises two runs in one month, so the later one sums the earlier one's days too;
    // months are locked oldest first, so two runs never wait on each other in a circle.
    for (const month of monthsOf(first, last)) {
      await trx.raw(`select pg_advisory_xact_lock(hashtext('finance_monthly_rollup:' || ?))`, [
        month,
      ])
      await trx.raw(`delete from finance_monthly_rollup where month = ?::date`, [month])
      await trx.raw(ROLLUP_MONTH_SQL, [month, month])
      await trx.raw(`delete from finance_member_monthly_rollup where month = ?::date`, [month])
      await trx.raw(ROLLUP_MEMBER_MONTH_SQL, [month, month])
    }
  })
}

/** One past Beijing day of the day and member rollups (see `refreshFinanceRollupRun`). */
export async function refreshFinanceRollupDay(knex: RollupKnex, day: string): Promise<void> {
  await refreshFinanceRollupRun(knex, day, day)
}

/** Days refreshed in one statement: a first run's year goes by weeks, not day by day. */
const RUN_DAYS = 7

/** `days` (sorted) cut into runs of consecutive days, at most RUN_DAYS long. */
export function consecutiveRuns(days: string[]): [string, string][] {
  const runs: [string, string][] = []
  for (const day of days) {
    const run = runs[runs.length - 1]
    const next = run && daysOf(run[1], day).length === 2 && daysOf(run[0], day).length <= RUN_DAYS
    if (next) run[1] = day
    else runs.push([day, day])
  }
  return runs
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

/**
 * One run of the rollup job: refreshes the days `daysToRefresh` finds, the ledger's months
 * (`refreshLedgerMonths`) and today's finished hours (`refreshFinanceHours`), then vacuums what changed so the reports' reads of it stay
 * index-only. Returns the days.
 */
export async function refreshFinanceRollups(knex: RollupKnex): Promise<string[]> {
  const days = await daysToRefresh(knex)
  for (const [first, last] of consecutiveRuns(days)) {
    await refreshFinanceRollupRun(knex, first, last)
  }
  const months = await refreshLedgerMonths(knex)
  if (days.length || months.length) {
    await knex.raw(
      `vacuum (analyze) finance_daily_rollup, finance_monthly_rollup, finance_member_daily_rollup,
         finance_member_monthly_rollup, finance_affiliate_monthly_rollup, finance_affiliate_daily_rollup`,
      []
    )
  }
  // Today's finished hours after the days: an hour of a day just rolled up is not needed.
  if ((await refreshFinanceHours(knex)).length) {
    await knex.raw(`vacuum (analyze) finance_hourly_rollup, finance_member_hourly_rollup`, [])
  }
  return days
}

/**
 * Recomputes every finished day from the first with money (and so every month), as the job
 * would from nothing: for a rollup suspected wrong, or money written behind the triggers'
 * back (a restore, a backdated import). Each day is marked dirty and refreshed like any
 * other, so readers read it raw meanwhile; running it twice gives the same rows. Returns
 * the days. `npx medusa exec ./src/scripts/rebuild-finance-rollups.ts`
 */
export async function rebuildFinanceRollups(knex: RollupKnex): Promise<string[]> {
  await knex.raw(
    `with bounds as (
       select ((now() at time zone 'Asia/Shanghai') - interval '${GRACE}')::date - 1 as last_day,
              (least(
                 (select min(created_at) from "order" where deleted_at is null),
                 (select min(created_at) from capture where deleted_at is null),
                 (select min(created_at) from refund where deleted_at is null),
                 (select min(created_at) from affiliate_ledger_entry where deleted_at is null),
                 (select min(paid_at) from affiliate_withdrawal where deleted_at is null)
               ) at time zone 'Asia/Shanghai')::date as first_day
     )
     insert into finance_rollup_day (id, dirty_at)
     select to_char(d, 'YYYY-MM-DD'), now()
       from bounds, generate_series(bounds.first_day, bounds.last_day, interval '1 day') d
      order by 1
     on conflict (id) do update set dirty_at = now(), updated_at = now()`,
    []
  )
  await knex.raw(`update finance_rollup_hour set dirty_at = now(), updated_at = now()`, [])
  return refreshFinanceRollups(knex)
}

/** The first day of the month after `day`'s. */
const nextMonth = (day: string) => {
  const [year, month] = day.split("-").map(Number)
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`
}

/**
 * The whole months of `from`..`before` (exclusive) as their first days, or null: the months
 * a product split reads from the monthly rollup. Every day before the first day read raw is
 * rolled up and clean, so each of these months' rows is the sum of its days'.
 */
export function wholeMonthsOf(
  from: string,
  before: string
): { first: string; last: string } | null {
  const first = from.endsWith("-01") ? from : nextMonth(from)
  let last: string | null = null
  for (let month = first; nextMonth(month) <= before; month = nextMonth(month)) last = month
  return last ? { first, last } : null
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * How a period is read: its rolled-up days (refreshed, not dirty) from the rollup, and the
 * stretch from the first to the last day that is not rolled up from the raw tables (in a
 * live system: today, and a past day whose money just changed). With `byMonth` (a product
 * split not broken down by day, or the unfiltered member breakdown), the whole months before
 * that stretch come from the monthly rollups; with `byHour`, the rolled-up hours the stretch
 * starts with come from the hourly rollups (today's finished hours), so only the rest is read
 * raw. Read in the same snapshot as the figures.
 */
export async function rollupSpanOf(
  knex: Knex,
  from: string,
  to: string,
  byMonth = false,
  byHour = false
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
    const months = byMonth ? wholeMonthsOf(from, nextDay(to)) : null
    return { start, end: start, rollup: { from, to, rawFirst: null, rawLast: null, months } }
  }
  const rawFirst = raw[0]
  const rawLast = raw[raw.length - 1]
  const { start, end } = periodBounds(rawFirst, rawLast)
  const months = byMonth ? wholeMonthsOf(from, rawFirst) : null
  const hours = byHour ? await rolledHoursOf(knex, start, end) : null
  return {
    start: hours?.end ?? start,
    end,
    rollup: rolled.size || hours ? { from, to, rawFirst, rawLast, months, hours } : undefined,
  }
}

type RollupSpanOrNone = Parameters<typeof financeBindings>[3]

/**
 * The whole months `from`..`to` is (first days), when it is whole months and every one of
 * their days is rolled up and clean, else null: then the member monthly rollup holds the
 * period's member breakdown (each month's rows are the sum of its clean days'). Read in the
 * same snapshot as the figures.
 */
export async function rolledWholeMonthsOf(
  knex: Knex,
  from: string,
  to: string
): Promise<{ first: string; last: string } | null> {
  const after = nextDay(to)
  const months = wholeMonthsOf(from, after)
  if (!months || months.first !== from || nextMonth(months.last) !== after) return null
  const { rows } = await knex.raw(
    `select count(*)::int as days from finance_rollup_day
      where id between ? and ? and refreshed_at is not null and dirty_at is null`,
    [from, to]
  )
  return rows[0].days === daysOf(from, to).length ? months : null
}
