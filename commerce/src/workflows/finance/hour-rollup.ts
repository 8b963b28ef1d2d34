import { financeBindings } from "./finance-summary-sql"
import type { Knex, RollupKnex } from "./finance-knex"
import { rollupRowsSql, unsplitRollupSql } from "./rollup-rows-sql"

/**
 * 财务统计's hourly rollups (`finance_hourly_rollup`, `finance_member_hourly_rollup`): each
 * finished Beijing hour of yesterday and today in the day and member day rollups' shapes, so a
 * report that reaches today (the member breakdown too) reads its finished hours from them and
 * only the current hour from the raw tables. Kept by the same job as the
 * days; triggers mark an hour dirty when its money or the attributes of its orders change
 * (Migration20261209500000), and a dirty hour is read raw until the job recomputes it.
 */

const HOUR_MS = 3600_000

/**
 * An hour is rolled up once it has been over this long: a write made while it was the
 * current hour marked nothing (the current hour is never marked), so its transaction must
 * have committed by then, as GRACE gives a day's. A write after the hour ended marks it.
 */
const HOUR_GRACE = "5 minutes"

const BEIJING_MIDNIGHT_YESTERDAY = `((date_trunc('day', now() at time zone 'Asia/Shanghai') - interval '1 day') at time zone 'Asia/Shanghai')`

/**
 * The hours a refresh run does, oldest first (ISO instants of their starts): every finished
 * hour since yesterday's Beijing midnight that is not rolled up and clean, except the hours
 * of a day the day rollup already holds clean.
 */
export async function hoursToRefresh(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(
    `select h as hour
       from generate_series(
              ${BEIJING_MIDNIGHT_YESTERDAY},
              (date_trunc('hour', (now() - interval '${HOUR_GRACE}') at time zone 'Asia/Shanghai')
                 at time zone 'Asia/Shanghai') - interval '1 hour',
              interval '1 hour') h
      where not exists (select 1 from finance_rollup_hour r
                         where r.id = h and r.refreshed_at is not null and r.dirty_at is null)
        and not exists (select 1 from finance_rollup_day d
                         where d.id = to_char(h at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
                           and d.refreshed_at is not null and d.dirty_at is null)
      order by h`,
    []
  )
  return rows.map((row) => new Date(row.hour as string).toISOString())
}

/** `hours` (sorted ISO instants) cut into runs of consecutive hours. */
export function consecutiveHourRuns(hours: string[]): [string, string][] {
  const runs: [string, string][] = []
  for (const hour of hours) {
    const run = runs[runs.length - 1]
    if (run && Date.parse(hour) - Date.parse(run[1]) === HOUR_MS) run[1] = hour
    else runs.push([hour, hour])
  }
  return runs
}

/**
 * Recomputes the hours `first`..`last` (their starts) from the raw tables; idempotent. The
 * same protocol as a run of days (`refreshFinanceRollupRun`): the mark rows exist first, the
 * marks are cleared under their locks before the raw rows are read, so a concurrent change
 * is either read or marks its hour dirty again.
 */
export async function refreshFinanceRollupHours(
  knex: RollupKnex,
  first: string,
  last: string
): Promise<void> {
  await knex.raw(
    `insert into finance_rollup_hour (id, dirty_at)
     select h, now() from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') h
     on conflict (id) do nothing`,
    [first, last]
  )
  const end = new Date(Date.parse(last) + HOUR_MS).toISOString()
  await knex.transaction(async (trx) => {
    await trx.raw(
      `update finance_rollup_hour set refreshed_at = now(), dirty_at = null, updated_at = now()
        where id between ? and ?`,
      [first, last]
    )
    await trx.raw(`delete from finance_hourly_rollup where hour between ? and ?`, [first, last])
    await trx.raw(`delete from finance_member_hourly_rollup where hour between ? and ?`, [
      first,
      last,
    ])
    await trx.raw(unsplitRollupSql("hour"), financeBindings(first, end, {}))
    await trx.raw(rollupRowsSql("finance_hourly_rollup", true), financeBindings(first, end, {}))
  })
}

/**
 * One run of the hourly rollup: drops the hours before yesterday (their days are the day
 * rollup's), then refreshes what `hoursToRefresh` finds. Returns those hours.
 */
export async function refreshFinanceHours(knex: RollupKnex): Promise<string[]> {
  await knex.raw(`delete from finance_hourly_rollup where hour < ${BEIJING_MIDNIGHT_YESTERDAY}`, [])
  await knex.raw(
    `delete from finance_member_hourly_rollup where hour < ${BEIJING_MIDNIGHT_YESTERDAY}`,
    []
  )
  await knex.raw(`delete from finance_rollup_hour where id < ${BEIJING_MIDNIGHT_YESTERDAY}`, [])
  const hours = await hoursToRefresh(knex)
  for (const [first, last] of consecutiveHourRuns(hours)) {
    await refreshFinanceRollupHours(knex, first, last)
  }
  return hours
}

/**
 * Where the unbroken run of `rolled` hours (rolled-up, clean hour starts) from `start` ends:
 * the instant the raw read of a stretch starting at `start` can start from instead.
 */
export function hoursRolledFrom(start: string, rolled: string[]): string {
  const have = new Set(rolled.map((hour) => Date.parse(hour)))
  let at = Date.parse(start)
  while (have.has(at)) at += HOUR_MS
  return new Date(at).toISOString()
}

/**
 * The part of the raw stretch [start, end) the hourly rollup serves: the hours from `start`
 * up to the first hour not rolled up (null when it serves none). Read in the same snapshot
 * as the figures.
 */
export async function rolledHoursOf(
  knex: Knex,
  start: string,
  end: string
): Promise<{ first: string; end: string } | null> {
  const { rows } = await knex.raw(
    `select id from finance_rollup_hour
      where id >= ? and id < ? and refreshed_at is not null and dirty_at is null`,
    [start, end]
  )
  const until = hoursRolledFrom(
    start,
    rows.map((row) => new Date(row.id as string).toISOString())
  )
  return Date.parse(until) > Date.parse(start) ? { first: start, end: until } : null
}
