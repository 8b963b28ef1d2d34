import { GRACE, type Knex, type RollupKnex } from "./finance-knex"

/**
 * 分销核算's rollup of the affiliate ledger (`finance_affiliate_monthly_rollup`): per Beijing
 * month and affiliate, running totals of every figure and bucket over the ledger up to the
 * month's end. A figure over a period is then the difference of two months' rows (plus the
 * raw lines after each), and a balance one month's row, however long the history: an
 * affiliate has a line or two a day, so only running totals fold it. A finished month is
 * rolled up by the finance queue, after the month before it; a ledger line written into a
 * past month marks it dirty (a trigger), and from it on the ledger is read raw until the
 * job has recomputed that month and every one after it.
 */

/**
 * A month's running totals: the month before's row plus the month's lines, per affiliate.
 * Bindings: the month (date), the month before (date), [t0, t1) of the month.
 */
const MONTH_INSERT_SQL = `
insert into finance_affiliate_monthly_rollup
  (month, affiliate_id, accrued, reversed, matured, withdrawn, pending, available)
select ?::date, affiliate_id, sum(accrued), sum(reversed), sum(matured), sum(withdrawn),
       sum(pending), sum(available)
  from (
    select affiliate_id, accrued, reversed, matured, withdrawn, pending, available
      from finance_affiliate_monthly_rollup where month = ?::date
    union all
    select e.affiliate_id,
           coalesce(sum(e.amount) filter (where e.kind = 'commission'), 0),
           coalesce(sum(e.amount) filter (where e.kind = 'reversal'), 0),
           coalesce(sum(e.amount) filter (where e.kind = 'maturation' and e.bucket = 'available'), 0),
           coalesce(sum(e.amount) filter (where e.kind = 'withdrawal_paid' and e.bucket = 'withdrawn'), 0),
           coalesce(sum(e.amount) filter (where e.bucket = 'pending'), 0),
           coalesce(sum(e.amount) filter (where e.bucket = 'available'), 0)
      from affiliate_ledger_entry e
     where e.deleted_at is null and e.created_at >= ?::timestamptz and e.created_at < ?::timestamptz
     group by e.affiliate_id
  ) both_parts
 group by affiliate_id`

/**
 * A run of days' ledger figures per affiliate (`finance_affiliate_daily_rollup`): each Beijing
 * day's own lines, summed as the running totals sum them. Kept by the day rollup's refresh
 * (`refreshFinanceRollupRun`), in its transaction and under its day marks, so a day's rows are
 * its lines whenever the day is rolled up and clean. Bindings: [t0, t1) of the run.
 */
export const LEDGER_DAYS_INSERT_SQL = `
insert into finance_affiliate_daily_rollup
  (day, affiliate_id, accrued, reversed, matured, withdrawn, pending, available)
select (e.created_at at time zone 'Asia/Shanghai')::date, e.affiliate_id,
       coalesce(sum(e.amount) filter (where e.kind = 'commission'), 0),
       coalesce(sum(e.amount) filter (where e.kind = 'reversal'), 0),
       coalesce(sum(e.amount) filter (where e.kind = 'maturation' and e.bucket = 'available'), 0),
       coalesce(sum(e.amount) filter (where e.kind = 'withdrawal_paid' and e.bucket = 'withdrawn'), 0),
       coalesce(sum(e.amount) filter (where e.bucket = 'pending'), 0),
       coalesce(sum(e.amount) filter (where e.bucket = 'available'), 0)
  from affiliate_ledger_entry e
 where e.deleted_at is null and e.created_at >= ?::timestamptz and e.created_at < ?::timestamptz
 group by 1, 2`

/** YYYY-MM's neighbour `by` months away. */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split("-").map(Number)
  return new Date(Date.UTC(year, number - 1 + by, 1)).toISOString().slice(0, 7)
}

/** The instants a Beijing month YYYY-MM covers: [its first midnight, the next month's). */
export function monthBounds(month: string): { start: string; end: string } {
  return {
    start: new Date(`${month}-01T00:00:00+08:00`).toISOString(),
    end: new Date(`${shiftMonth(month, 1)}-01T00:00:00+08:00`).toISOString(),
  }
}

/**
 * Recomputes one finished month's running totals from the month before's; idempotent, and
 * safe against a line written meanwhile the same way as a day of `refreshFinanceRollupRun`
 * (the month's row lock). Run months oldest first (`refreshLedgerMonths` does).
 */
export async function refreshLedgerMonth(knex: RollupKnex, month: string): Promise<void> {
  await knex.raw(
    `insert into finance_rollup_month (id, dirty_at) values (?, now()) on conflict (id) do nothing`,
    [month]
  )
  const { start, end } = monthBounds(month)
  await knex.transaction(async (trx) => {
    await trx.raw(
      `update finance_rollup_month set refreshed_at = now(), dirty_at = null, updated_at = now()
        where id = ?`,
      [month]
    )
    await trx.raw(`delete from finance_affiliate_monthly_rollup where month = ?::date`, [
      `${month}-01`,
    ])
    await trx.raw(MONTH_INSERT_SQL, [`${month}-01`, `${shiftMonth(month, -1)}-01`, start, end])
  })
}

/**
 * The months a refresh run does, oldest first: from the earliest month marked dirty (every
 * later month's running totals include it) or else the first not yet rolled up (the
 * ledger's first month, on the first run), to the last finished month.
 */
export async function monthsToRefresh(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(
    `with bounds as (
       select (date_trunc('month', (now() at time zone 'Asia/Shanghai') - interval '${GRACE}')
                - interval '1 month')::date as last_month,
              coalesce(
                (select (min(id) || '-01')::date from finance_rollup_month
                  where dirty_at is not null or refreshed_at is null),
                (select (max(id) || '-01')::date + interval '1 month'
                   from finance_rollup_month where refreshed_at is not null),
                (select date_trunc('month', min(created_at) at time zone 'Asia/Shanghai')
                   from affiliate_ledger_entry where deleted_at is null)
              )::date as first_month
     )
     select to_char(m, 'YYYY-MM') as month
       from bounds, generate_series(bounds.first_month, bounds.last_month, interval '1 month') m
     order by month`,
    []
  )
  return rows.map((row) => row.month as string)
}

/** Refreshes what `monthsToRefresh` finds; returns those months. */
export async function refreshLedgerMonths(knex: RollupKnex): Promise<string[]> {
  const months = await monthsToRefresh(knex)
  for (const month of months) await refreshLedgerMonth(knex, month)
  return months
}

const DAY_MS = 24 * 3600_000

/** The Beijing date `by` days from `day`. */
const shiftDay = (day: string, by: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10)

/** The instant a Beijing date starts. */
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString()

/**
 * The running totals up to an instant, in three parts: a rolled-up month's row (`month`, its
 * first day; null: none), the clean days after it from the day rollup (`days`, inclusive
 * ranges of Beijing dates) and the ledger's lines of the rest read raw (`raw`, [from, to)
 * instants). null: every line up to the instant raw.
 */
export type LedgerSnapshot = {
  month: string | null
  days: [string, string][]
  raw: [string, string][]
} | null

/** Every Beijing date from `first` to `last`, inclusive. */
function datesOf(first: string, last: string): string[] {
  const dates: string[] = []
  for (let day = first; day <= last; day = shiftDay(day, 1)) dates.push(day)
  return dates
}

/**
 * The snapshot up to the Beijing midnight that starts `until`: from the latest usable month
 * ending by then, the days after it (from `firstTracked`, the first day the day rollup
 * tracks, when there is no month) that are rolled up and clean, and the stretch from the
 * first to the last other day raw (today's lines, in a live system; a dirty day's until the
 * job recomputes it). Lines before the first tracked day are read raw too (there are none
 * unless written behind the triggers' back).
 */
export function snapshotUntil(
  until: string,
  usableMonths: string[],
  clean: Set<string>,
  firstTracked: string | null
): LedgerSnapshot {
  const instant = Date.parse(midnight(until))
  const month = [...usableMonths].reverse().find((m) => Date.parse(monthBounds(m).end) <= instant)
  const first = month ? `${shiftMonth(month, 1)}-01` : firstTracked
  if (!first) return null
  const raw: [string, string][] = month
    ? []
    : [["-infinity", midnight(first < until ? first : until)]]
  const days: [string, string][] = []
  const dates = first < until ? datesOf(first, shiftDay(until, -1)) : []
  const unrolled = dates.filter((day) => !clean.has(day))
  if (!unrolled.length) {
    if (dates.length) days.push([first, dates[dates.length - 1]])
  } else {
    const [rawFirst, rawLast] = [unrolled[0], unrolled[unrolled.length - 1]]
    if (rawFirst > first) days.push([first, shiftDay(rawFirst, -1)])
    if (rawLast < dates[dates.length - 1])
      days.push([shiftDay(rawLast, 1), dates[dates.length - 1]])
    raw.push([midnight(rawFirst), midnight(shiftDay(rawLast, 1))])
  }
  return { month: month ? `${month}-01` : null, days, raw }
}

/**
 * How 分销核算 over `from`..`to` reads the ledger: the running totals up to the period's
 * start and up to its end (see `snapshotUntil`). Usable months are the unbroken run of
 * refreshed, clean months from the first tracked one (a dirty month taints every later
 * month's totals until recomputed); a day is usable on its own (its rows are its own lines).
 * Read in the same snapshot as the figures.
 */
export async function ledgerSpanOf(
  knex: Knex,
  from: string,
  to: string
): Promise<{ atStart: LedgerSnapshot; atEnd: LedgerSnapshot }> {
  const { rows } = await knex.raw(
    `select id, refreshed_at is not null and dirty_at is null as clean
       from finance_rollup_month where id <= ? order by id`,
    [to.slice(0, 7)]
  )
  const usable: string[] = []
  for (const row of rows) {
    const month = row.id as string
    const expected = usable.length ? shiftMonth(usable[usable.length - 1], 1) : month
    if (month !== expected || !row.clean) break
    usable.push(month)
  }
  const until = shiftDay(to, 1)
  // The days from the earliest a snapshot can start at: after the month before the period's.
  const startMonth = usable.filter((m) => `${shiftMonth(m, 1)}-01` <= from).pop()
  const { rows: days } = await knex.raw(
    `select (select min(id) from finance_rollup_day) as first_tracked,
            coalesce((select array_agg(id) from finance_rollup_day
                       where id >= ? and id < ? and refreshed_at is not null and dirty_at is null),
                     '{}') as clean`,
    [startMonth ? `${shiftMonth(startMonth, 1)}-01` : "0000-01-01", until]
  )
  const clean = new Set(days[0].clean as string[])
  const firstTracked = (days[0].first_tracked as string | null) ?? null
  return {
    atStart: snapshotUntil(from, usable, clean, firstTracked),
    atEnd: snapshotUntil(until, usable, clean, firstTracked),
  }
}
