import type { MedusaContainer } from "@medusajs/framework/types"
import { ESCORT_MODULE } from "../../../modules/escort"
import type EscortModuleService from "../../../modules/escort/service"

/** The names of the escorts `ids` name, for staff lists (escorts live in another module). */
export async function escortNames(
  container: Pick<MedusaContainer, "resolve">,
  ids: string[]
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const escorts = await container
    .resolve<EscortModuleService>(ESCORT_MODULE)
    .listEscorts({ id: unique }, { select: ["id", "name"], take: unique.length })
  return new Map(escorts.map((escort) => [escort.id, escort.name]))
}
