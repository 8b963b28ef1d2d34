import type { SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService } from "@medusajs/framework/utils"
import { searchableFields } from "../indexes"

type StoredDocument = {
  id: string
  index_name: string
  doc_id: string
  title: string
  content: string
  document: Record<string, unknown>
}

/** The slice of the module service the provider writes through. */
export type SearchDocumentStore = {
  listSearchDocuments(
    filters: Record<string, unknown>,
    config?: Record<string, unknown>
  ): Promise<StoredDocument[]>
  createSearchDocuments(data: Omit<StoredDocument, "id">[]): Promise<unknown>
  updateSearchDocuments(data: Partial<StoredDocument>[]): Promise<unknown>
  deleteSearchDocuments(ids: string[]): Promise<unknown>
}

/** Candidates ranked in memory per query; enough for a catalog and a content library. */
const CANDIDATES = 500

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`)

const text = (value: unknown): string =>
  Array.isArray(value) ? value.map(text).join(" ") : value == null ? "" : String(value)

/** Every filter operator the in-memory check understands. */
function matches(document: Record<string, unknown>, filters: SearchTypes.SearchFilters): boolean {
  return Object.entries(filters).every(([key, condition]) => {
    if (key === "q" || condition === undefined) return true
    if (key === "$and")
      return (condition as SearchTypes.SearchFilters[]).every((f) => matches(document, f))
    if (key === "$or")
      return (condition as SearchTypes.SearchFilters[]).some((f) => matches(document, f))
    if (key === "$not") return !matches(document, condition as SearchTypes.SearchFilters)
    const value = document[key]
    const values = Array.isArray(value) ? value : [value]
    if (Array.isArray(condition)) return values.some((v) => condition.includes(v as never))
    if (condition === null || typeof condition !== "object" || condition instanceof Date) {
      return values.includes(condition as never)
    }
    return Object.entries(condition).every(([op, expected]) => {
      switch (op) {
        case "$eq":
          return values.includes(expected as never)
        case "$ne":
          return !values.includes(expected as never)
        case "$in":
          return values.some((v) => (expected as unknown[]).includes(v))
        case "$nin":
          return !values.some((v) => (expected as unknown[]).includes(v))
        case "$exists":
          return (value !== undefined && value !== null) === expected
        case "$prefix":
          return values.some((v) => String(v ?? "").startsWith(String(expected)))
        default:
          throw new Error(`Postgres search provider does not support the filter operator ${op}`)
      }
    })
  })
}

/**
 * The Search Module provider contract on Postgres, for Chinese: substring matching
 * (ILIKE over a trigram index) instead of full-text search, whose parsers cut
 * 肿瘤易感基因检测 into one token that 基因 never matches. Every term of the query must
 * occur; hits rank by the weight of the fields a term occurs in.
 */
export class PostgresCjkSearchProvider extends AbstractSearchProviderService {
  static identifier = "postgres-cjk"

  constructor(protected readonly store_: SearchDocumentStore) {
    super()
  }

  async upsertIndex({
    index,
  }: {
    index: SearchTypes.ResolvedSearchIndexDefinition
  }): Promise<SearchTypes.SearchTask> {
    // One table holds every index; there is nothing to create.
    return { index: index.physical_name, status: "succeeded" }
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    return this.clearIndex({ index })
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const rows = await this.store_.listSearchDocuments({}, { select: ["id", "index_name"] })
    const counts = new Map<string, number>()
    rows.forEach((row) => counts.set(row.index_name, (counts.get(row.index_name) ?? 0) + 1))
    return [...counts].map(([name, document_count]) => ({
      name,
      provider: PostgresCjkSearchProvider.identifier,
      document_count,
    }))
  }

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    if (!documents.length) return { index, status: "succeeded" }
    const key = definition.primary_key
    const fields = searchableFields(definition)
    const rows = documents.map((document) => ({
      index_name: index,
      doc_id: String(document[key]),
      title: text(document.title),
      content: fields
        .map((f) => text(document[f.name]))
        .filter(Boolean)
        .join("\n"),
      document,
    }))
    const existing = await this.store_.listSearchDocuments(
      { index_name: index, doc_id: rows.map((r) => r.doc_id) },
      { select: ["id", "doc_id"] }
    )
    const ids = new Map(existing.map((row) => [row.doc_id, row.id]))
    const updates = rows
      .filter((r) => ids.has(r.doc_id))
      .map((r) => ({ ...r, id: ids.get(r.doc_id) }))
    const creates = rows.filter((r) => !ids.has(r.doc_id))
    if (updates.length) await this.store_.updateSearchDocuments(updates)
    if (creates.length) await this.store_.createSearchDocuments(creates)
    return { index, status: "succeeded" }
  }

  async deleteDocuments({
    index,
    filters,
  }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    // Deleting by id (every delete site search makes) reads only those rows.
    const ids = Object.keys(filters).length === 1 ? filters.id : undefined
    const byId = typeof ids === "string" || Array.isArray(ids)
    const rows = await this.store_.listSearchDocuments({
      index_name: index,
      ...(byId ? { doc_id: ([] as unknown[]).concat(ids).map(String) } : {}),
    })
    const doomed = rows.filter((row) => matches({ ...row.document, id: row.doc_id }, filters))
    if (doomed.length) await this.store_.deleteSearchDocuments(doomed.map((row) => row.id))
    return { index, status: "succeeded" }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const rows = await this.store_.listSearchDocuments({ index_name: index }, { select: ["id"] })
    if (rows.length) await this.store_.deleteSearchDocuments(rows.map((row) => row.id))
    return { index, status: "succeeded" }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const terms = (input.q ?? "").toLowerCase().split(/\s+/).filter(Boolean)
    const rows = await this.store_.listSearchDocuments(
      {
        index_name: input.index.physical_name,
        ...(terms.length
          ? { $and: terms.map((term) => ({ content: { $ilike: `%${escapeLike(term)}%` } })) }
          : {}),
      },
      { take: CANDIDATES, order: { title: "ASC" } }
    )
    const fields = searchableFields(input.index)
    const scored = rows
      .filter((row) => matches({ ...row.document, id: row.doc_id }, input.filters ?? {}))
      .map((row) => {
        let score = 0
        for (const term of terms) {
          for (const field of fields) {
            if (text(row.document[field.name]).toLowerCase().includes(term)) score += field.weight
          }
          if (row.title.toLowerCase().startsWith(term)) score += 1
        }
        return { row, score }
      })
      .sort((a, b) => b.score - a.score)
    const retrieve = input.attributes_to_retrieve
    return {
      hits: scored.slice(skip, skip + take).map(({ row, score }) => ({
        id: row.doc_id,
        score,
        document: retrieve?.length
          ? Object.fromEntries(retrieve.map((f) => [f, row.document[f]]))
          : row.document,
      })),
      metadata: { skip, take, count: scored.length, query: input.q },
    }
  }
}
