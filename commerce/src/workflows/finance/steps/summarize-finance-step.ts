import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  daysOf,
  periodBounds,
  type FinanceGroup,
  type FinancePeriod,
  type FinanceSummary,
  type FinanceTotals,
} from "../finance-period"
import { groupsSql, TOTALS_SQL } from "../finance-summary-sql"
import { groupLabel } from "../labels"

type Knex = { raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

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

/** The summary of a period read straight from the tables, in one snapshot-free pair of queries. */
export const summarizeFinanceStep = createStep(
  "summarize-finance",
  async (input: FinancePeriod, { container }): Promise<StepResponse<FinanceSummary>> => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const { start, end } = periodBounds(input.from, input.to)
    const totals = totalsOf((await knex.raw(TOTALS_SQL, [start, end])).rows[0] as SumsRow)
    if (!input.group_by) return new StepResponse({ totals, groups: [] })

    const groupBy = input.group_by
    const rows = (await knex.raw(groupsSql(groupBy), [start, end])).rows
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
    return new StepResponse({ totals, groups })
  }
)
