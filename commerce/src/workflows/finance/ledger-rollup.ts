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

/** A month of running totals to start from, and where the raw lines after it begin. */
export type LedgerSnapshot = { month: string; rawFrom: string } | null

/**
 * How 分销核算 over `from`..`to` reads the ledger: the running totals up to the period's
 * start and up to its end, each from the latest usable month ending by then and the raw
 * lines after it (null: no month, every line raw). Usable months are the unbroken run of
 * refreshed, clean months from the first tracked one (a dirty month taints every later
 * month's totals until recomputed).
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
  const snapshotBy = (instant: number): LedgerSnapshot => {
    const month = [...usable].reverse().find((m) => Date.parse(monthBounds(m).end) <= instant)
    return month ? { month: `${month}-01`, rawFrom: monthBounds(month).end } : null
  }
  return {
    atStart: snapshotBy(Date.parse(`${from}T00:00:00+08:00`)),
    atEnd: snapshotBy(Date.parse(`${to}T00:00:00+08:00`) + 24 * 3600_000),
  }
}
