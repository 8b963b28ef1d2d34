import type { FinanceFilters } from "./finance-period"

/** The part of Medusa's knex connection finance reads use. */
export type Knex = {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

/** Medusa's knex as the rollups use it: plain reads and a transaction. */
export type RollupKnex = Knex & {
  transaction<T>(run: (trx: Knex) => Promise<T>): Promise<T>
}

/**
 * A day (or month) is rolled up once it has been over for this long, so a transaction still
 * writing its money when Beijing's midnight passed has committed before it is read.
 */
export const GRACE = "1 hour"

/** Only the filters of a request (period, breakdown and paging left out). */
export function filtersOf(input: FinanceFilters): FinanceFilters {
  return {
    product_id: input.product_id,
    category_id: input.category_id,
    customer_id: input.customer_id,
    channel: input.channel,
    provider_id: input.provider_id,
    order_status: input.order_status,
  }
}
