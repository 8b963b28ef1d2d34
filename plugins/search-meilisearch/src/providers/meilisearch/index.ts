import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MeilisearchSearchProviderService } from "./service"

export { MeilisearchSearchProviderService, MeilisearchUnavailableError } from "./service"
export type { MeilisearchProviderOptions } from "./service"
export { compileFilters } from "./filters"
export { DEFAULT_SYNONYM_GROUPS, expandSynonymGroups } from "./synonyms"

/** Registrable in Medusa's Search Module as well: `resolve: ".../providers/meilisearch"`. */
export default ModuleProvider(Modules.SEARCH, {
  services: [MeilisearchSearchProviderService],
})
