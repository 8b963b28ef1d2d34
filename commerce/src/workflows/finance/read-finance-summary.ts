import {
  changeOf,
  daysOf,
  FINANCE_METRICS,
  periodBounds,
  previousPeriod,
  type FinanceFilters,
  type FinanceGroup,
  type FinanceGroupBy,
  type FinancePeriod,
  type FinanceSummary,
  type FinanceTotals,
} from "./finance-period"
import {
  groupsSql,
  memberMonthsBindings,
  memberMonthsSql,
  rollupFor,
  splitsByProduct,
  summaryBindings,
  totalsSql,
} from "./finance-summary-sql"
import { rolledWholeMonthsOf, rollupSpanOf, type RollupKnex } from "./finance-rollup"
import { groupLabel } from "./labels"
import { filtersOf, type Knex } from "./finance-knex"

/** Groups a page holds when only the offset is given. */
const GROUP_PAGE = 50

type SumsRow = Record<Exclude<keyof FinanceTotals, "net">, string | number>

/** Postgres answers bigint as text; every figure is an integer well inside 2^53. */
function totalsOf(row: SumsRow | undefined): FinanceTotals {
  const n = (value: string | number | undefined) => Number(value ?? 0)
  const paid = n(row?.paid)
  const refunded = n(row?.refunded)
  return {
    orders: n(row?.orders),
    paid,
    refunded,
    net: paid - refunded,
    store_credit: n(row?.store_credit),
    commissions: n(row?.commissions),
    payouts: n(row?.payouts),
  }
}

/** The bindings of a query over `from`..`to`: through the rollup when it serves, else raw. */
async function bindingsFor(
  trx: Knex,
  from: string,
  to: string,
  filters: FinanceFilters,
  groupBy?: FinanceGroupBy
) {
  if (!rollupFor(filters, groupBy)) {
    const { start, end } = periodBounds(from, to)
    return summaryBindings(start, end, filters, groupBy)
  }
  // Whole months serve a product split, except by day (a month's row stands at its first day),
  // and the member breakdown without filters (the member monthly rollup has no other keys).
  const byMonth =
    (splitsByProduct(filters, groupBy) && groupBy !== "day") ||
    (groupBy === "member" && !Object.values(filters).some(Boolean))
  // Today's finished hours serve wherever a rollup does (the member one has hours too).
  const { start, end, rollup } = await rollupSpanOf(trx, from, to, byMonth, true)
  return summaryBindings(start, end, filters, groupBy, rollup)
}

async function totalsFor(trx: Knex, from: string, to: string, filters: FinanceFilters) {
  const { rows } = await trx.raw(totalsSql(filters), await bindingsFor(trx, from, to, filters))
  return totalsOf(rows[0] as SumsRow)
}

/** The breakdown's query and bindings, a page of it or all of it, as the summary reads it. */
async function groupsQuery(
  trx: Knex,
  input: FinancePeriod,
  groupBy: FinanceGroupBy,
  page?: { limit: number; offset: number }
): Promise<{ sql: string; bindings: unknown[] }> {
  const filters = filtersOf(input)
  // The members of whole rolled-up months, unfiltered (the usual "last month"): one row per
  // member from the member monthly rollup.
  const months =
    groupBy === "member" && !Object.values(filters).some(Boolean)
      ? await rolledWholeMonthsOf(trx, input.from, input.to)
      : null
  if (months) {
    return {
      sql: memberMonthsSql(months.first === months.last, !!page),
      bindings: memberMonthsBindings(months, page),
    }
  }
  return {
    sql: groupsSql(groupBy, filters, !!page),
    bindings: [
      ...(await bindingsFor(trx, input.from, input.to, filters, groupBy)),
      ...(page ? [page.limit, page.offset] : []),
    ],
  }
}

function groupOf(groupBy: FinanceGroupBy, row: Record<string, unknown>): FinanceGroup {
  const key = (row.key as string | null) ?? null
  return {
    key,
    label: groupLabel(groupBy, key, row.label as string | null),
    ...totalsOf(row as SumsRow),
  }
}

/** Read-only, one snapshot, and no JIT: compiling these queries took longer than running them. */
async function readOnlySnapshot(trx: Knex) {
  await trx.raw("set transaction isolation level repeatable read, read only", [])
  await trx.raw("set local jit = off", [])
}

/** Groups fetched from the cursor at a time: what an export holds in memory at once. */
export const GROUP_BATCH = 1000

/**
 * Every group of a breakdown (all members of a year, say), batch by batch from one
 * server-side cursor, in the summary's order and with its figures: an export writes them
 * without ever holding the whole breakdown. Resolves to how many groups it wrote.
 */
export async function streamFinanceGroups(
  knex: RollupKnex,
  input: FinancePeriod,
  groupBy: Exclude<FinanceGroupBy, "day">,
  write: (batch: FinanceGroup[]) => Promise<void>
): Promise<number> {
  return knex.transaction(async (trx) => {
    await readOnlySnapshot(trx)
    const query = await groupsQuery(trx, input, groupBy)
    await trx.raw(`declare finance_groups no scroll cursor for ${query.sql}`, query.bindings)
    let count = 0
    for (;;) {
      const { rows } = await trx.raw(`fetch ${GROUP_BATCH} from finance_groups`, [])
      if (!rows.length) break
      await write(rows.map((row) => groupOf(groupBy, row)))
      count += rows.length
    }
    await trx.raw("close finance_groups", [])
    return count
  })
}

/**
 * The summary of a period: its totals, the same-length period before it with the change,
 * and an optional breakdown, all under the same filters. Finished days come from the daily
 * rollup where it is fresh, the rest from the raw tables, all in one read-only snapshot, so
 * the figures are the raw aggregate's to the fen.
 */
export async function readFinanceSummary(
  knex: RollupKnex,
  input: FinancePeriod
): Promise<FinanceSummary> {
  return knex.transaction(async (trx) => {
    // No JIT: the raw part's row estimates are far above what a day holds.
    await readOnlySnapshot(trx)
    const filters = filtersOf(input)
    const totals = await totalsFor(trx, input.from, input.to, filters)
    const before = previousPeriod(input.from, input.to)
    const previous = { ...before, totals: await totalsFor(trx, before.from, before.to, filters) }
    const change = Object.fromEntries(
      FINANCE_METRICS.map((metric) => [metric, changeOf(totals[metric], previous.totals[metric])])
    ) as FinanceSummary["change"]
    if (!input.group_by) return { totals, groups: [], previous, change }

    const groupBy = input.group_by
    // A page of the breakdown (top groups by money paid) when asked: at volume the members
    // are many, and only the page's are labelled and sent.
    const paged = (input.limit !== undefined || input.offset !== undefined) && groupBy !== "day"
    const limit = input.limit ?? GROUP_PAGE
    const offset = input.offset ?? 0
    const query = await groupsQuery(trx, input, groupBy, paged ? { limit, offset } : undefined)
    let rows = (await trx.raw(query.sql, query.bindings)).rows
    const page = paged ? { offset, limit, count: Number(rows[0]?.group_count ?? 0) } : undefined
    if (paged) rows = rows.filter((row) => row.in_page)
    let groups = rows.map((row) => groupOf(groupBy, row))
    // A day report lists every day of the period, quiet ones with zeros.
    if (groupBy === "day") {
      const byDay = new Map(groups.map((group) => [group.key, group]))
      groups = daysOf(input.from, input.to).map(
        (day) => byDay.get(day) ?? { key: day, label: day, ...totalsOf(undefined) }
      )
    }
    return { totals, groups, previous, change, ...(page && { page }) }
  })
}
