import type { FieldCipher } from "../crypto/field-cipher"
import { affiliateContribution } from "./affiliates-sql"
import { appointmentUsage, type SlotCapacity } from "./appointments-sql"
import { constitutionDistribution } from "./constitution-tally"
import { conversionFunnel } from "./conversion-sql"
import { DASHBOARD_BLOCKS, type DashboardBlock, type DashboardQueryType } from "./dashboard-query"
import { regionCounts, salesSeries } from "./dashboard-sql"
import { kitFigures } from "./kits-sql"
import { newMembersByChannel } from "./members-sql"
import type { Knex } from "./period-bounds"

export type DashboardSources = { knex: Knex; cipher: FieldCipher; slotCapacity: SlotCapacity }

/** One reader per block: one query each. */
const READERS = {
  sales: ({ knex }: DashboardSources, q: DashboardQueryType) => salesSeries(knex, q),
  conversion: ({ knex }: DashboardSources, q: DashboardQueryType) => conversionFunnel(knex, q),
  members: ({ knex }: DashboardSources, q: DashboardQueryType) => newMembersByChannel(knex, q),
  affiliates: ({ knex }: DashboardSources, q: DashboardQueryType) => affiliateContribution(knex, q),
  kits: ({ knex }: DashboardSources, q: DashboardQueryType) => kitFigures(knex, q),
  appointments: (s: DashboardSources, q: DashboardQueryType) =>
    appointmentUsage(s.knex, q, s.slotCapacity),
  constitution: (s: DashboardSources, q: DashboardQueryType) =>
    constitutionDistribution(s.knex, q, s.cipher),
  regions: ({ knex }: DashboardSources, q: DashboardQueryType) => regionCounts(knex, q),
} satisfies Record<DashboardBlock, unknown>

export type DashboardFigures = {
  [B in DashboardBlock]?: Awaited<ReturnType<(typeof READERS)[B]>>
}

/** The asked block, or every block, in the order the page shows them. */
export async function readDashboard(
  sources: DashboardSources,
  q: DashboardQueryType
): Promise<DashboardFigures> {
  const blocks = q.block ? [q.block] : DASHBOARD_BLOCKS
  const figures: Record<string, unknown> = {}
  for (const block of blocks) figures[block] = await READERS[block](sources, q)
  return figures as DashboardFigures
}
