import type { SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, generateEntityId } from "@medusajs/framework/utils"
import { searchableFields } from "../indexes"
import { GramFrequencies } from "./gram-frequencies"
import { bigrams, fieldText, normalizeSearchText, queryTerms } from "./search-text"
import type { SearchDocumentStore } from "./search-document-store"
import { compileSqlFilters, pgTextArray, type SqlCondition } from "./sql-filters"

export type { SearchDocumentStore }

/** Documents written per statement: bounds the JSON parameter of one insert. */
const UPSERT_BATCH = 500

type Row = {
  id: string
  index_name: string
  doc_id: string
  title: string
  content: string
  search_text: string
  grams: string[]
  fields: Record<string, string>
  document: SearchTypes.SearchDocument
}

/**
 * The Search Module provider contract on Postgres, for Chinese: substring matching over
 * normalised text instead of full-text search, whose parsers cut 肿瘤易感基因检测 into one
 * token that 基因 never matches. Every term of the query must occur; hits rank by the
 * weight of the fields a term occurs in. Filtering, counting, ranking and paging all
 * happen in one SQL statement, so totals are exact and the best match is found among
 * every document, however many match.
 */
export class PostgresCjkSearchProvider extends AbstractSearchProviderService {
  static identifier = "postgres-cjk"

  protected readonly gramFrequencies_: GramFrequencies

  constructor(protected readonly store_: SearchDocumentStore) {
    super()
    this.gramFrequencies_ = new GramFrequencies(store_)
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
    const rows = await this.store_.executeSearchSql<{ index_name: string; count: number }>(
      `select index_name, count(*)::int as count from site_search_document
       where deleted_at is null group by index_name order by index_name`
    )
    return rows.map((row) => ({
      name: row.index_name,
      provider: PostgresCjkSearchProvider.identifier,
      document_count: Number(row.count),
    }))
  }

  /** What is stored for a document: its searchable text normalised, whole and per field. */
  protected row(
    index: string,
    definition: SearchTypes.ResolvedSearchIndexDefinition,
    document: SearchTypes.SearchDocument
  ): Row {
    const raw = searchableFields(definition).map((f) => [f.name, fieldText(document[f.name])])
    const fields = Object.fromEntries(
      raw.map(([name, value]) => [name, normalizeSearchText(value)])
    )
    const searchText = Object.values(fields).filter(Boolean).join("\n")
    // The title always, for the bonus a title starting with a term earns.
    fields.title ??= normalizeSearchText(fieldText(document.title))
    return {
      id: generateEntityId(undefined, "sdoc"),
      index_name: index,
      doc_id: String(document[definition.primary_key]),
      title: fieldText(document.title),
      content: raw
        .map(([, value]) => value)
        .filter(Boolean)
        .join("\n"),
      search_text: searchText,
      grams: bigrams(searchText),
      fields,
      document,
    }
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
    // The last copy of a document wins; one statement may not update a row twice.
    const rows = [
      ...new Map(
        documents.map((d) => this.row(index, definition, d)).map((r) => [r.doc_id, r])
      ).values(),
    ]
    for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
      await this.store_.executeSearchSql(
        `insert into site_search_document
           (id, index_name, doc_id, title, content, search_text, grams, fields, document,
            created_at, updated_at)
         select r.id, r.index_name, r.doc_id, r.title, r.content, r.search_text,
           array(select jsonb_array_elements_text(r.grams)), r.fields, r.document, now(), now()
         from jsonb_to_recordset(?::jsonb) as r(id text, index_name text, doc_id text,
           title text, content text, search_text text, grams jsonb, fields jsonb, document jsonb)
         on conflict (index_name, doc_id) where deleted_at is null do update set
           title = excluded.title, content = excluded.content,
           search_text = excluded.search_text, grams = excluded.grams,
           fields = excluded.fields, document = excluded.document, updated_at = now()`,
        [JSON.stringify(rows.slice(i, i + UPSERT_BATCH))]
      )
    }
    return { index, status: "succeeded" }
  }

  async deleteDocuments({
    index,
    filters,
  }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const where = compileSqlFilters(filters)
    await this.store_.executeSearchSql(
      `delete from site_search_document where index_name = ? and ${where.sql}`,
      [index, ...where.params]
    )
    return { index, status: "succeeded" }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    await this.store_.executeSearchSql("delete from site_search_document where index_name = ?", [
      index,
    ])
    return { index, status: "succeeded" }
  }

  /**
   * The documents of an index holding every term, filtered: a term's bigrams narrow the
   * rows through the GIN index (when they are rare enough to), `strpos` keeps the true
   * substrings.
   */
  protected async matching(
    index: string,
    terms: string[],
    filters: SearchTypes.SearchFilters | undefined
  ): Promise<SqlCondition> {
    const parts: SqlCondition[] = [
      { sql: "deleted_at is null and index_name = ?", params: [index] },
    ]
    for (const term of terms) {
      const grams = bigrams(term)
      if (await this.gramFrequencies_.useful(grams)) {
        parts.push({ sql: "grams @> ?::text[]", params: [pgTextArray(grams)] })
      }
      parts.push({ sql: "strpos(search_text, ?) > 0", params: [term] })
    }
    parts.push(compileSqlFilters(filters))
    return { sql: parts.map((p) => p.sql).join(" and "), params: parts.flatMap((p) => p.params) }
  }

  /** Per term, the weight of every field holding it, plus one when the title starts with it. */
  protected score(
    terms: string[],
    definition: SearchTypes.ResolvedSearchIndexDefinition
  ): SqlCondition {
    const parts: SqlCondition[] = []
    for (const term of terms) {
      for (const field of searchableFields(definition)) {
        parts.push({
          sql: "(case when strpos(coalesce(fields ->> ?, ''), ?) > 0 then ?::float8 else 0 end)",
          params: [field.name, term, field.weight],
        })
      }
      parts.push({
        sql: "(case when starts_with(coalesce(fields ->> 'title', ''), ?) then 1 else 0 end)",
        params: [term],
      })
    }
    if (!parts.length) return { sql: "0::float8", params: [] }
    return { sql: parts.map((p) => p.sql).join(" + "), params: parts.flatMap((p) => p.params) }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const terms = queryTerms(input.q)
    const where = await this.matching(input.index.physical_name, terms, input.filters)
    const score = this.score(terms, input.index)
    // Scored on the matching rows first, so the window that counts them and the sort that
    // pages them carry a few narrow columns; documents are read for the page alone.
    const rows = await this.store_.executeSearchSql<{
      doc_id: string
      score: number
      total: number
      document: SearchTypes.SearchDocument
    }>(
      `with matched as materialized (
         select id, doc_id, title, (${score.sql})::float8 as score
         from site_search_document where ${where.sql}
       ), ranked as (
         select id, doc_id, title, score, count(*) over () as total from matched
         order by score desc, title asc, doc_id asc
         limit ? offset ?
       )
       select ranked.doc_id, ranked.score, ranked.total::int as total, d.document
       from ranked join site_search_document d on d.id = ranked.id
       order by ranked.score desc, ranked.title asc, ranked.doc_id asc`,
      [...score.params, ...where.params, take, skip]
    )
    // A page past the end has no row to carry the total: count on its own.
    const count = rows.length
      ? Number(rows[0].total)
      : skip > 0
        ? Number(
            (
              await this.store_.executeSearchSql<{ total: number }>(
                `select count(*)::int as total from site_search_document where ${where.sql}`,
                where.params
              )
            )[0].total
          )
        : 0
    const retrieve = input.attributes_to_retrieve
    return {
      hits: rows.map((row) => ({
        id: row.doc_id,
        score: Number(row.score),
        document: retrieve?.length
          ? Object.fromEntries(retrieve.map((f) => [f, row.document[f]]))
          : row.document,
      })),
      metadata: { skip, take, count, query: input.q },
    }
  }
}
