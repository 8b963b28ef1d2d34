import type { FinanceFilters } from "./finance-period"

/** The part of Medusa's knex connection finance reads use. */
export type Knex = {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

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
