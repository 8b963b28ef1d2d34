import type { DashboardQueryType } from "./dashboard-query"

/** The raw-SQL runner of Medusa's PG connection (knex), as the dashboard uses it. */
export type Knex = {
  raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }>
}

type Period = Pick<DashboardQueryType, "from" | "to">

/** Beijing midnight of `from` to Beijing midnight after `to` (inclusive end day). */
export const bounds = (q: Period) => [
  `${q.from}T00:00:00+08:00`,
  new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000).toISOString(),
]

/** How many Beijing days the period holds, both ends included. */
export const periodDays = (q: Period) =>
  Math.round((Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000) + 1
