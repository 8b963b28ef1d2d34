import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  changeOf,
  daysOf,
  FINANCE_METRICS,
  periodBounds,
  previousPeriod,
  type FinanceFilters,
  type FinanceGroup,
  type FinancePeriod,
  type FinanceSummary,
  type FinanceTotals,
} from "../finance-period"
import { financeBindings, groupsSql, totalsSql } from "../finance-summary-sql"
import { groupLabel } from "../labels"
import { filtersOf, type Knex } from "../finance-knex"

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

async function totalsFor(knex: Knex, from: string, to: string, filters: FinanceFilters) {
  const { start, end } = periodBounds(from, to)
  const { rows } = await knex.raw(totalsSql(filters), financeBindings(start, end, filters))
  return totalsOf(rows[0] as SumsRow)
}

/**
 * The summary of a period read straight from the tables: its totals, the same-length period
 * before it with the change, and an optional breakdown, all under the same filters.
 */
export const summarizeFinanceStep = createStep(
  "summarize-finance",
  async (input: FinancePeriod, { container }): Promise<StepResponse<FinanceSummary>> => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const filters = filtersOf(input)
    const totals = await totalsFor(knex, input.from, input.to, filters)
    const before = previousPeriod(input.from, input.to)
    const previous = { ...before, totals: await totalsFor(knex, before.from, before.to, filters) }
    const change = Object.fromEntries(
      FINANCE_METRICS.map((metric) => [metric, changeOf(totals[metric], previous.totals[metric])])
    ) as FinanceSummary["change"]
    if (!input.group_by) return new StepResponse({ totals, groups: [], previous, change })

    const groupBy = input.group_by
    const { start, end } = periodBounds(input.from, input.to)
    const rows = (await knex.raw(groupsSql(groupBy, filters), financeBindings(start, end, filters)))
      .rows
    let groups: FinanceGroup[] = rows.map((row) => {
      const key = (row.key as string | null) ?? null
      return {
        key,
        label: groupLabel(groupBy, key, row.label as string | null),
        ...totalsOf(row as SumsRow),
      }
    })
    // A day report lists every day of the period, quiet ones with zeros.
    if (groupBy === "day") {
      const byDay = new Map(groups.map((group) => [group.key, group]))
      groups = daysOf(input.from, input.to).map(
        (day) => byDay.get(day) ?? { key: day, label: day, ...totalsOf(undefined) }
      )
    }
    return new StepResponse({ totals, groups, previous, change })
  }
)
