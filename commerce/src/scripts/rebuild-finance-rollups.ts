import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { rebuildFinanceRollups, type RollupKnex } from "../workflows/finance/finance-rollup"

/**
 * Recomputes 财务统计's rollups (day, member, monthly, member monthly) from the raw tables,
 * every finished day from the first with money: `npx medusa exec ./src/scripts/rebuild-finance-rollups.ts`
 */
export default async function rebuildFinanceRollupsScript({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const started = Date.now()
  const days = await rebuildFinanceRollups(
    container.resolve<RollupKnex>(ContainerRegistrationKeys.PG_CONNECTION)
  )
  logger.info(
    `财务统计 rollups rebuilt: ${days.length} days (${days[0] ?? "-"} to ${days.at(-1) ?? "-"}) in ${((Date.now() - started) / 1000).toFixed(1)} s`
  )
}
