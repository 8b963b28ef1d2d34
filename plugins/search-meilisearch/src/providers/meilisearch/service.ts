import type { SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService } from "@medusajs/framework/utils"
import { compileFilters } from "./filters"
import { DEFAULT_SYNONYM_GROUPS, expandSynonymGroups } from "./synonyms"

export type MeilisearchProviderOptions = {
  /** http://localhost:7700 */
  host: string
  /** The master key (or an admin API key); optional for an unprotected development instance. */
  apiKey?: string
  /** Groups of words that mean the same thing to shoppers; defaults to DEFAULT_SYNONYM_GROUPS. */
  synonymGroups?: string[][]
  /** Per request; search must fail fast so callers can fall back. Default 2000 ms. */
  timeoutMs?: number
}

type MeiliTask = { taskUid: number; indexUid?: string }

/** Meilisearch answered with an error status or could not be reached. */
export class MeilisearchUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = "MeilisearchUnavailableError"
  }
}

const fieldsWhere = (
  definition: SearchTypes.ResolvedSearchIndexDefinition,
  flag: "searchable" | "filterable" | "sortable"
) =>
  Object.entries(definition.fields)
    .filter(([, field]) => !!field[flag])
    .sort(([, a], [, b]) => {
      const weight = (f: SearchTypes.SearchFieldDefinition) =>
        typeof f.searchable === "object" ? (f.searchable.weight ?? 1) : 1
      return flag === "searchable" ? weight(b) - weight(a) : 0
    })
    .map(([name]) => name)

/**
 * Meilisearch behind the Search Module's provider contract. Chinese text is segmented
 * by Meilisearch's tokenizer (charabia, jieba dictionary); declaring the attributes as
 * `cmn` keeps short queries such as 基因 from being read as Japanese.
 */
export class MeilisearchSearchProviderService extends AbstractSearchProviderService {
  static identifier = "meilisearch"

  protected readonly options_: MeilisearchProviderOptions

  constructor(_container: Record<string, unknown>, options: MeilisearchProviderOptions) {
    super()
    if (!options?.host) throw new Error("Meilisearch provider needs a host (MEILI_HOST)")
    this.options_ = options
  }

  /** Settings derived from the index definition plus the Chinese defaults. */
  settingsFor(definition: SearchTypes.ResolvedSearchIndexDefinition) {
    const searchable = fieldsWhere(definition, "searchable")
    const extra = (definition.settings?.provider_options?.meilisearch ?? {}) as Record<
      string,
      unknown
    >
    return {
      searchableAttributes: searchable.length ? searchable : ["*"],
      filterableAttributes: fieldsWhere(definition, "filterable"),
      sortableAttributes: fieldsWhere(definition, "sortable"),
      synonyms: expandSynonymGroups(this.options_.synonymGroups ?? DEFAULT_SYNONYM_GROUPS),
      localizedAttributes: [{ attributePatterns: ["*"], locales: ["cmn"] }],
      typoTolerance: { enabled: definition.settings?.typo_tolerance?.enabled ?? true },
      ...extra,
    }
  }

  protected async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response
    try {
      response = await fetch(`${this.options_.host.replace(/\/$/, "")}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(this.options_.apiKey ? { authorization: `Bearer ${this.options_.apiKey}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options_.timeoutMs ?? 2000),
      })
    } catch (error) {
      throw new MeilisearchUnavailableError(
        `Meilisearch at ${this.options_.host} is unreachable: ${(error as Error).message}`
      )
    }
    const text = await response.text()
    const json = text ? JSON.parse(text) : {}
    if (!response.ok) {
      throw new MeilisearchUnavailableError(
        `Meilisearch ${method} ${path} answered ${response.status}: ${json.message ?? text}`,
        response.status
      )
    }
    return json as T
  }

  protected task(task: MeiliTask, index: string): SearchTypes.SearchTask {
    return { id: String(task.taskUid), index, status: "enqueued" }
  }

  async upsertIndex({
    index,
  }: {
    index: SearchTypes.ResolvedSearchIndexDefinition
  }): Promise<SearchTypes.SearchTask> {
    const created = await this.request<MeiliTask>("POST", "/indexes", {
      uid: index.physical_name,
      primaryKey: index.primary_key,
    })
    // "index already exists" arrives as a failed task, which is fine: settings follow.
    await this.waitForTask(this.task(created, index.physical_name))
    const task = await this.request<MeiliTask>(
      "PATCH",
      `/indexes/${index.physical_name}/settings`,
      this.settingsFor(index)
    )
    return this.waitForTask(this.task(task, index.physical_name))
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    return this.task(await this.request<MeiliTask>("DELETE", `/indexes/${index}`), index)
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const { results } = await this.request<{ results: { uid: string }[] }>(
      "GET",
      "/indexes?limit=1000"
    )
    return Promise.all(
      results.map(async ({ uid }) => {
        const stats = await this.request<{ numberOfDocuments: number }>(
          "GET",
          `/indexes/${uid}/stats`
        )
        return {
          name: uid,
          provider: MeilisearchSearchProviderService.identifier,
          document_count: stats.numberOfDocuments,
        }
      })
    )
  }

  async upsertDocuments({
    index,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    return this.task(
      await this.request<MeiliTask>("POST", `/indexes/${index}/documents`, documents),
      index
    )
  }

  async deleteDocuments({
    index,
    filters,
  }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const keys = Object.keys(filters)
    const ids = filters.id
    if (keys.length === 1 && (typeof ids === "string" || Array.isArray(ids))) {
      const list = Array.isArray(ids) ? ids : [ids]
      return this.task(
        await this.request<MeiliTask>("POST", `/indexes/${index}/documents/delete-batch`, list),
        index
      )
    }
    return this.task(
      await this.request<MeiliTask>("POST", `/indexes/${index}/documents/delete`, {
        filter: compileFilters(filters),
      }),
      index
    )
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    return this.task(await this.request<MeiliTask>("DELETE", `/indexes/${index}/documents`), index)
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const highlight = input.search_options?.highlight
    const highlightFields =
      highlight === true
        ? ["*"]
        : highlight && typeof highlight === "object"
          ? highlight.fields
          : undefined
    const response = await this.request<{
      hits: (Record<string, unknown> & { _formatted?: Record<string, unknown> })[]
      estimatedTotalHits?: number
      totalHits?: number
      processingTimeMs?: number
    }>("POST", `/indexes/${input.index.physical_name}/search`, {
      q: input.q ?? "",
      filter: compileFilters(input.filters),
      offset: skip,
      limit: take,
      attributesToRetrieve: input.attributes_to_retrieve?.length
        ? input.attributes_to_retrieve
        : ["*"],
      matchingStrategy: input.search_options?.match_strategy === "any" ? "last" : "all",
      ...(highlightFields
        ? {
            attributesToHighlight: highlightFields,
            highlightPreTag: (typeof highlight === "object" && highlight.pre_tag) || "<mark>",
            highlightPostTag: (typeof highlight === "object" && highlight.post_tag) || "</mark>",
          }
        : {}),
    })
    const primaryKey = input.index.primary_key
    return {
      hits: response.hits.map(({ _formatted, ...document }) => ({
        id: String(document[primaryKey]),
        document,
        ...(_formatted
          ? {
              highlights: Object.fromEntries(
                Object.entries(_formatted)
                  .filter(([, value]) => typeof value === "string" && value.includes("<"))
                  .map(([key, value]) => [key, [value as string]])
              ),
            }
          : {}),
      })),
      metadata: {
        skip,
        take,
        count: response.totalHits ?? response.estimatedTotalHits ?? response.hits.length,
        query: input.q,
        processing_time_ms: response.processingTimeMs,
      },
    }
  }

  async waitForTask(
    task: SearchTypes.SearchTask,
    options?: { timeout_ms?: number }
  ): Promise<SearchTypes.SearchTask> {
    if (!task.id) return task
    const deadline = Date.now() + (options?.timeout_ms ?? 10_000)
    for (;;) {
      const state = await this.request<{ status: string; error?: { message: string } }>(
        "GET",
        `/tasks/${task.id}`
      )
      if (state.status === "succeeded") return { ...task, status: "succeeded" }
      if (state.status === "failed" || state.status === "canceled") {
        return { ...task, status: "failed", error: state.error }
      }
      if (Date.now() > deadline) return { ...task, status: "processing" }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

export default MeilisearchSearchProviderService
