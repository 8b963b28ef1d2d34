import {
  MeilisearchSearchProviderService,
  type MeilisearchProviderOptions,
} from "@health/medusa-plugin-search-meilisearch/providers/meilisearch"
import type { SearchHit } from "@health/contracts"
import type { Context, Logger, SearchTypes } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { searchIndexes, type SearchType, type SiteSearchDocument } from "./indexes"
import { SearchDocument } from "./models/search-document"
import {
  PostgresCjkSearchProvider,
  type SearchDocumentStore,
} from "./providers/postgres-cjk-provider"
import { contextSql } from "../../lib/database/context-sql"

export type SiteSearchOptions = {
  /** Set when MEILI_HOST is: Meilisearch serves reads, Postgres stays the fallback. */
  meilisearch?: MeilisearchProviderOptions
}

/** A hit as the store answers it (@health/contracts). */
export type SiteSearchHit = SearchHit

export type SiteSearchResult = {
  hits: SiteSearchHit[]
  count: number
  /** Which engine answered: "meilisearch", or "postgres-cjk" (also when Meilisearch failed). */
  provider: string
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)

/** The title with every query term wrapped in <mark>, HTML-escaped otherwise. */
export function highlightTitle(title: string, q: string): string | undefined {
  const terms = q.split(/\s+/).filter(Boolean)
  if (!terms.length) return undefined
  const pattern = new RegExp(
    `(${terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
    "gi"
  )
  if (!pattern.test(title)) return undefined
  return title
    .split(pattern)
    .map((part, i) => (i % 2 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join("")
}

type InjectedDependencies = { logger: Logger }

/**
 * Site search over products, articles and collection sites. Every write goes to
 * Postgres (always there, and the fallback) and to Meilisearch when configured; reads
 * go to Meilisearch first and fall back to Postgres when it fails.
 */
class SiteSearchModuleService extends MedusaService({ SearchDocument }) {
  protected readonly logger_: Logger
  protected readonly postgres_: PostgresCjkSearchProvider
  protected readonly meilisearch_: MeilisearchSearchProviderService | null
  protected meiliIndexesReady_: Promise<void> | null = null

  constructor(container: InjectedDependencies, options: SiteSearchOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [InjectedDependencies]))
    this.logger_ = container.logger
    const store: SearchDocumentStore = {
      executeSearchSql: <T>(sql: string, params?: unknown[]) =>
        this.executeSearchSql<T>(sql, params),
    }
    this.postgres_ = new PostgresCjkSearchProvider(store)
    this.meilisearch_ = options.meilisearch?.host
      ? new MeilisearchSearchProviderService({}, options.meilisearch)
      : null
  }

  /** The Postgres provider's SQL, in the caller's transaction when there is one. */
  @InjectManager()
  async executeSearchSql<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    @MedusaContext() context: Context = {}
  ): Promise<T[]> {
    return contextSql(context, "site-search").execute<T>(sql, params)
  }

  /** The providers in read order. */
  providers(): SearchTypes.ISearchProvider[] {
    return this.meilisearch_ ? [this.meilisearch_, this.postgres_] : [this.postgres_]
  }

  postgresProvider() {
    return this.postgres_
  }

  protected async meili(): Promise<MeilisearchSearchProviderService | null> {
    if (!this.meilisearch_) return null
    const meili = this.meilisearch_
    this.meiliIndexesReady_ ??= Promise.all(
      Object.values(searchIndexes()).map((index) => meili.upsertIndex({ index }))
    ).then(
      () => undefined,
      (error) => {
        this.meiliIndexesReady_ = null
        throw error
      }
    )
    await this.meiliIndexesReady_
    return meili
  }

  /** Runs a write on Meilisearch; a failure is logged, Postgres already has the change. */
  protected async writeMeili(
    action: string,
    write: (meili: MeilisearchSearchProviderService) => Promise<SearchTypes.SearchTask>
  ) {
    try {
      const meili = await this.meili()
      if (!meili) return
      const task = await write(meili)
      const done = await meili.waitForTask(task, { timeout_ms: 5000 })
      if (done.status === "failed") throw new Error(done.error?.message ?? "task failed")
    } catch (error) {
      this.logger_.warn(
        `Meilisearch ${action} failed, Postgres is up to date (run the reindex): ${(error as Error).message}`
      )
    }
  }

  async indexDocuments(type: SearchType, documents: SiteSearchDocument[]) {
    if (!documents.length) return
    const definition = searchIndexes()[type]
    const rows = documents.map((d) => ({ ...d, type }) as SearchTypes.SearchDocument)
    const input = { index: definition.physical_name, definition, documents: rows }
    await this.postgres_.upsertDocuments(input)
    await this.writeMeili("upsert", (meili) => meili.upsertDocuments(input))
  }

  async removeDocuments(type: SearchType, ids: string[]) {
    if (!ids.length) return
    const input = { index: searchIndexes()[type].physical_name, filters: { id: ids } }
    await this.postgres_.deleteDocuments(input)
    await this.writeMeili("delete", (meili) => meili.deleteDocuments(input))
  }

  /** Empties an index before a full reindex. */
  async clearDocuments(type: SearchType) {
    const index = searchIndexes()[type].physical_name
    await this.postgres_.clearIndex({ index })
    await this.writeMeili("clear", (meili) => meili.clearIndex({ index }))
  }

  async searchType(
    type: SearchType,
    q: string,
    options: { limit?: number; offset?: number; filters?: SearchTypes.SearchFilters } = {}
  ): Promise<SiteSearchResult> {
    const index = searchIndexes()[type]
    const input: SearchTypes.ProviderSearchQuery = {
      index,
      q,
      filters: options.filters,
      attributes_to_retrieve: [],
      pagination: { skip: options.offset ?? 0, take: options.limit ?? 20 },
    }
    let result: SearchTypes.SearchResult | null = null
    let provider = PostgresCjkSearchProvider.identifier
    if (this.meilisearch_) {
      try {
        const meili = await this.meili()
        result = await meili!.search(input)
        provider = MeilisearchSearchProviderService.identifier
      } catch (error) {
        this.logger_.warn(
          `Meilisearch search failed, answering from Postgres: ${(error as Error).message}`
        )
      }
    }
    result ??= await this.postgres_.search(input)
    return {
      provider,
      count: result.metadata.count ?? result.hits.length,
      hits: result.hits.map(({ id, document }) => {
        const doc = document as Partial<SiteSearchDocument>
        const title = String(doc.title ?? "")
        const highlight = highlightTitle(title, q)
        return {
          type,
          id,
          title,
          subtitle: doc.subtitle ?? null,
          url: String(doc.url ?? ""),
          ...(doc.thumbnail ? { thumbnail: doc.thumbnail } : {}),
          ...(highlight ? { highlight } : {}),
        }
      }),
    }
  }
}

export default SiteSearchModuleService
