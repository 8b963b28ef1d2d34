import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reindexSearch } from "../lib/search/reindex-search"

/** npx medusa exec ./src/scripts/reindex-search.ts */
export default async function reindexSearchScript({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const counts = await reindexSearch(container)
  logger.info(
    `Search reindexed: ${counts.product} products, ${counts.article} articles, ${counts.site} collection sites`
  )
}
