import { financeEntryOf, type FinanceEntry } from "./finance-entry"
import { periodBounds, type FinanceFigure, type FinancePeriod } from "./finance-period"
import { entriesSql, financeBindings } from "./finance-summary-sql"
import { filtersOf } from "./finance-knex"

type CursorKnex = {
  transaction<T>(
    run: (trx: {
      raw(sql: string, bindings?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
    }) => Promise<T>
  ): Promise<T>
}

/** Rows fetched from the cursor at a time: what an export holds in memory at once. */
export const ENTRY_BATCH = 1000

/**
 * Every row behind the figures, batch by batch, from one server-side cursor in a read-only
 * transaction: one consistent snapshot, and never more than a batch in memory however many
 * rows the period holds.
 */
export async function readFinanceEntries(
  knex: CursorKnex,
  period: FinancePeriod,
  figures: readonly FinanceFigure[],
  write: (batch: FinanceEntry[]) => Promise<void>
): Promise<number> {
  const filters = filtersOf(period)
  const { start, end } = periodBounds(period.from, period.to)
  return knex.transaction(async (trx) => {
    await trx.raw("set transaction read only")
    let count = 0
    for (const [index, figure] of figures.entries()) {
      const cursor = `finance_entries_${index}`
      await trx.raw(`declare ${cursor} no scroll cursor for ${entriesSql(filters)}`, [
        ...financeBindings(start, end, filters),
        figure,
      ])
      for (;;) {
        const { rows } = await trx.raw(`fetch ${ENTRY_BATCH} from ${cursor}`)
        if (!rows.length) break
        await write(rows.map(financeEntryOf))
        count += rows.length
      }
      await trx.raw(`close ${cursor}`)
    }
    return count
  })
}
