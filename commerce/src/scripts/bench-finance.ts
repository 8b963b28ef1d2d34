import { writeFileSync } from "fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { commissionAccountsQuery } from "../workflows/finance/commission-accounting-sql"
import { readCommissionAccounts } from "../workflows/finance/commission-accounts"
import { ledgerSpanOf, type LedgerSnapshot } from "../workflows/finance/ledger-rollup"
import { refreshFinanceRollups, type RollupKnex } from "../workflows/finance/finance-rollup"
import { periodBounds, type FinancePeriod } from "../workflows/finance/finance-period"
import { groupsSql, summaryBindings, totalsSql } from "../workflows/finance/finance-summary-sql"
import { readFinanceSummary } from "../workflows/finance/read-finance-summary"

/**
 * For bench/finance-million.mjs, on the database it generated: runs the rollup job once,
 * then times every report BENCH runs times through the code /admin/finance/summary and
 * /admin/finance/commissions run (minus HTTP), each interleaved with a plain aggregate over
 * the raw tables for the same period (the baseline), and a few runs of the summary read
 * raw, as before the rollups (BENCH_FINANCE_RAW_RUNS, 2); 分销核算 with the days after the last
 * rolled-up month read raw, as before the ledger's day rollup; then the reports that reach
 * today again with today's hours read raw, as before the hourly rollups. Writes the samples
 * to `out`.
 *   npx medusa exec ./src/scripts/bench-finance.ts /tmp/bench-finance.json 50 365
 */

/** The baseline: a plain aggregate of each money table over [start, end), no joins. */
const PLAIN_SQL = `
select (select count(*) from "order" where deleted_at is null and created_at >= ? and created_at < ?) as orders,
       (select coalesce(sum(amount), 0) from capture where deleted_at is null and created_at >= ? and created_at < ?) as paid,
       (select coalesce(sum(amount), 0) from refund where deleted_at is null and created_at >= ? and created_at < ?) as refunded,
       (select coalesce(sum(amount), 0) from affiliate_ledger_entry
         where deleted_at is null and kind in ('commission', 'reversal') and created_at >= ? and created_at < ?) as commissions`

/** The Beijing midnight that starts the month after the one `month` (its first day) starts. */
const midnightAfterMonth = (month: string) => {
  const [year, number] = month.split("-").map(Number)
  const next = new Date(Date.UTC(year, number, 1)).toISOString().slice(0, 10)
  return new Date(`${next}T00:00:00+08:00`).toISOString()
}

const beijingDay = (at: number) => new Date(at + 8 * 3600_000).toISOString().slice(0, 10)

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - started) / 1e6
}

export default async function benchFinance({ container, args }: ExecArgs) {
  const [out, runsArg = "50", daysArg = "365"] = args
  const runs = Number(runsArg)
  const rawRuns = Number(process.env.BENCH_FINANCE_RAW_RUNS ?? 2)
  const knex = container.resolve<RollupKnex>(ContainerRegistrationKeys.PG_CONNECTION)

  const rollupStarted = Date.now()
  const rolled = await refreshFinanceRollups(knex)
  const rollupSeconds = (Date.now() - rollupStarted) / 1000
  console.log(`bench-finance: rolled up ${rolled.length} days in ${rollupSeconds.toFixed(1)} s`)

  const now = Date.now()
  const today = beijingDay(now)
  const year = { from: beijingDay(now - Number(daysArg) * 86_400_000), to: today }
  const monthStart = new Date(`${today.slice(0, 7)}-01T00:00:00Z`)
  const lastMonthEnd = beijingDay(monthStart.getTime() - 8 * 3600_000 - 1)
  const lastMonth = { from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd }
  const thisMonth = { from: `${today.slice(0, 7)}-01`, to: today }

  const summary = (period: FinancePeriod) => () => readFinanceSummary(knex, period)
  const reports: Record<
    string,
    { period: { from: string; to: string }; run: () => Promise<unknown> }
  > = {
    "year totals": { period: year, run: summary(year) },
    ...Object.fromEntries(
      (["day", "product", "category", "channel", "payment_method"] as const).map((group_by) => [
        `year by ${group_by}`,
        { period: year, run: summary({ ...year, group_by }) },
      ])
    ),
    "year, offline channel, by product": {
      period: year,
      run: summary({ ...year, channel: "offline", group_by: "product" }),
    },
    "last month totals": { period: lastMonth, run: summary(lastMonth) },
    "last month by day": { period: lastMonth, run: summary({ ...lastMonth, group_by: "day" }) },
    "last month by member": {
      period: lastMonth,
      run: summary({ ...lastMonth, group_by: "member" }),
    },
    "last month by member, first page (top 50)": {
      period: lastMonth,
      run: summary({ ...lastMonth, group_by: "member", offset: 0, limit: 50 }),
    },
    "last month by member, tenth page": {
      period: lastMonth,
      run: summary({ ...lastMonth, group_by: "member", offset: 450, limit: 50 }),
    },
    "year by member, first page (top 50)": {
      period: year,
      run: summary({ ...year, group_by: "member", offset: 0, limit: 50 }),
    },
    "this month by member, first page (top 50)": {
      period: thisMonth,
      run: summary({ ...thisMonth, group_by: "member", offset: 0, limit: 50 }),
    },
    "year, one member": { period: year, run: summary({ ...year, customer_id: "cus_b42" }) },
    "last month 分销核算 (first page)": {
      period: lastMonth,
      run: () => readCommissionAccounts(knex, { ...lastMonth, offset: 0, limit: 20 }),
    },
    "this month 分销核算 (first page)": {
      period: thisMonth,
      run: () => readCommissionAccounts(knex, { ...thisMonth, offset: 0, limit: 20 }),
    },
    "year 分销核算 (first page)": {
      period: year,
      run: () => readCommissionAccounts(knex, { ...year, offset: 0, limit: 20 }),
    },
  }
  const samples: Record<
    string,
    { rollup: number[]; plain: number[]; raw: number[]; today_raw: number[]; days_raw: number[] }
  > = {}
  for (const [name, { period, run }] of Object.entries(reports)) {
    const { start, end } = periodBounds(period.from, period.to)
    const plain = () =>
      knex.raw(PLAIN_SQL.replace(/\?1/g, "?").replace(/\?2/g, "?"), [
        start,
        end,
        start,
        end,
        start,
        end,
        start,
        end,
      ])
    const sample = (samples[name] = {
      rollup: [] as number[],
      plain: [] as number[],
      raw: [] as number[],
      today_raw: [] as number[],
      days_raw: [] as number[],
    })
    await run() // warm the plan and cache once, as a running app would be
    const times = runs
    for (let i = 0; i < times; i++) {
      sample.rollup.push(await timed(run))
      sample.plain.push(await timed(plain))
    }
    console.log(
      `bench-finance: ${name}: p50 ${[...sample.rollup].sort((a, b) => a - b)[Math.floor(times / 2)].toFixed(1)} ms`
    )
  }
  // The same reports read raw, as before the rollups: the cost the rollups save.
  for (const name of [
    "year totals",
    "last month totals",
    "last month by day",
    "last month by member",
  ]) {
    const { period } = reports[name]
    const { start, end } = periodBounds(period.from, period.to)
    const groupBy = name.endsWith("by day")
      ? ("day" as const)
      : name.endsWith("by member")
        ? ("member" as const)
        : undefined
    const sql = groupBy ? groupsSql(groupBy, {}) : totalsSql({})
    const bindings = summaryBindings(start, end, {}, groupBy)
    for (let i = 0; i < rawRuns; i++) {
      samples[name].raw.push(await timed(() => knex.raw(sql, bindings)))
    }
  }
  for (const name of ["last month 分销核算 (first page)", "year 分销核算 (first page)"]) {
    const { period } = reports[name]
    const { start, end } = periodBounds(period.from, period.to)
    // Nothing from the monthly rollup: every ledger line up to the period's end.
    const { sql, bindings } = commissionAccountsQuery({
      t0: start,
      t1: end,
      affiliate_id: null,
      atStart: null,
      atEnd: null,
      limit: 20,
      offset: 0,
    })
    for (let i = 0; i < rawRuns; i++) {
      samples[name].raw.push(await timed(() => knex.raw(sql, bindings)))
    }
  }
  // 分销核算 as before the ledger's day rollup: the running totals of the last rolled-up month,
  // then every line after it raw (this month's, for a period ending today).
  for (const name of ["this month 分销核算 (first page)", "year 分销核算 (first page)"]) {
    const { period } = reports[name]
    const { start, end } = periodBounds(period.from, period.to)
    const asBefore = (snapshot: LedgerSnapshot, instant: string): LedgerSnapshot =>
      snapshot?.month
        ? { month: snapshot.month, days: [], raw: [[midnightAfterMonth(snapshot.month), instant]] }
        : null
    for (let i = 0; i < runs; i++) {
      samples[name].days_raw.push(
        await timed(() =>
          knex.transaction(async (trx) => {
            await trx.raw("set local jit = off", [])
            const { atStart, atEnd } = await ledgerSpanOf(trx, period.from, period.to)
            const { sql, bindings } = commissionAccountsQuery({
              t0: start,
              t1: end,
              affiliate_id: null,
              atStart: asBefore(atStart, start),
              atEnd: asBefore(atEnd, end),
              limit: 20,
              offset: 0,
            })
            return trx.raw(sql, bindings)
          })
        )
      )
    }
  }
  // The reports that reach today as before the hourly rollups: every hour of today read raw
  // (marked dirty for these runs, then rolled up again), on the same data in the same run.
  await knex.raw("update finance_rollup_hour set dirty_at = now()", [])
  for (const [name, { period, run }] of Object.entries(reports)) {
    if (period.to !== today || name.includes("分销核算")) continue
    for (let i = 0; i < runs; i++) samples[name].today_raw.push(await timed(run))
  }
  await refreshFinanceRollups(knex)
  writeFileSync(
    out,
    JSON.stringify({ reports: samples, rollup_seconds: rollupSeconds, rollup_days: rolled.length })
  )
}
