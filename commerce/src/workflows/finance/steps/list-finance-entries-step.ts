import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { filtersOf, type Knex } from "../finance-knex"
import { financeEntryOf, type FinanceEntry } from "../finance-entry"
import { periodBounds, type FinanceFigure, type FinancePeriod } from "../finance-period"
import { entriesCountSql, entriesSql, financeBindings } from "../finance-summary-sql"

export type ListFinanceEntriesInput = FinancePeriod & {
  figure: FinanceFigure
  offset: number
  limit: number
}

export type FinanceEntriesPage = {
  entries: FinanceEntry[]
  count: number
  /** The sum of every row behind the figure (not only this page), in fen: the figure itself. */
  amount: number
  offset: number
  limit: number
}

/** One page of the rows behind a figure, with their count and sum. */
export const listFinanceEntriesStep = createStep(
  "list-finance-entries",
  async (input: ListFinanceEntriesInput, { container }) => {
    const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
    const filters = filtersOf(input)
    const { start, end } = periodBounds(input.from, input.to)
    const bindings = [...financeBindings(start, end, filters), input.figure]
    const [page, sums] = await Promise.all([
      knex.raw(`${entriesSql(filters)} limit ? offset ?`, [...bindings, input.limit, input.offset]),
      knex.raw(entriesCountSql(filters), bindings),
    ])
    return new StepResponse<FinanceEntriesPage>({
      entries: page.rows.map(financeEntryOf),
      count: Number(sums.rows[0]?.count ?? 0),
      amount: Number(sums.rows[0]?.amount ?? 0),
      offset: input.offset,
      limit: input.limit,
    })
  }
)
