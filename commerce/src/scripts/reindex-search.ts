import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reindexSearchWorkflow } from "../workflows/search/reindex-search"

/** npx medusa exec ./src/scripts/reindex-search.ts */
export default async function reindexSearchScript({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result: counts } = await reindexSearchWorkflow(container).run({ throwOnError: true })
  logger.info(
    `Search reindexed: ${counts.product} products, ${counts.article} articles, ${counts.site} collection sites`
  )
}
