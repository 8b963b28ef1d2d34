import type { SearchTypes } from "@medusajs/framework/types"

/** A SQL condition over site_search_document with its `?` parameters, in order. */
export type SqlCondition = { sql: string; params: unknown[] }

const RANGE: Record<string, string> = { $lt: "<", $lte: "<=", $gt: ">", $gte: ">=" }

const json = (value: unknown) =>
  JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null))

/** A field's stored values one per row: an array's elements, or the value itself. */
const elements = (field: string) =>
  `jsonb_array_elements(case when jsonb_typeof(document -> ${field}) = 'array' ` +
  `then document -> ${field} else jsonb_build_array(document -> ${field}) end)`

/**
 * `field` holds `value`, as the field or as one element of it: both shapes are
 * containment of the whole document, which the document's GIN index answers.
 */
function holds(key: string, value: unknown): SqlCondition {
  if (key === "id") return { sql: "doc_id = ?", params: [String(value)] }
  return {
    sql: "(document @> ?::jsonb or document @> ?::jsonb)",
    params: [
      `{${JSON.stringify(key)}:${json(value)}}`,
      `{${JSON.stringify(key)}:[${json(value)}]}`,
    ],
  }
}

const any = (parts: SqlCondition[]): SqlCondition =>
  parts.length
    ? { sql: `(${parts.map((p) => p.sql).join(" or ")})`, params: parts.flatMap((p) => p.params) }
    : { sql: "false", params: [] }

const all = (parts: SqlCondition[]): SqlCondition =>
  parts.length
    ? { sql: `(${parts.map((p) => p.sql).join(" and ")})`, params: parts.flatMap((p) => p.params) }
    : { sql: "true", params: [] }

const not = (part: SqlCondition): SqlCondition => ({
  sql: `not coalesce(${part.sql}, false)`,
  params: part.params,
})

const within = (key: string, values: unknown[]): SqlCondition =>
  key === "id"
    ? { sql: "doc_id = any(?::text[])", params: [pgTextArray(values.map(String))] }
    : any(values.map((v) => holds(key, v)))

function operator(key: string, op: string, expected: unknown): SqlCondition {
  switch (op) {
    case "$eq":
      return holds(key, expected)
    case "$ne":
      return not(holds(key, expected))
    case "$in":
      return within(key, expected as unknown[])
    case "$nin":
      return not(within(key, expected as unknown[]))
    case "$exists": {
      const present = "coalesce(jsonb_typeof(document -> ?), 'null') <> 'null'"
      if (key === "id") return { sql: expected ? "true" : "false", params: [] }
      return { sql: expected ? present : `not (${present})`, params: [key] }
    }
    case "$prefix":
      if (key === "id") return { sql: "starts_with(doc_id, ?)", params: [String(expected)] }
      return {
        sql: `exists (select 1 from ${elements("?")} e where starts_with(coalesce(e #>> '{}', ''), ?))`,
        params: [key, key, key, String(expected)],
      }
    default: {
      const sign = RANGE[op]
      if (!sign) {
        throw new Error(`Postgres search provider does not support the filter operator ${op}`)
      }
      // jsonb orders numbers as numbers and strings as text; values of another type never match.
      const value = json(expected)
      if (key === "id") return { sql: `to_jsonb(doc_id) ${sign} ?::jsonb`, params: [value] }
      return {
        sql: `exists (select 1 from ${elements("?")} e where jsonb_typeof(e) = jsonb_typeof(?::jsonb) and e ${sign} ?::jsonb)`,
        params: [key, key, key, value, value],
      }
    }
  }
}

function field(key: string, condition: unknown): SqlCondition {
  if (Array.isArray(condition)) return within(key, condition)
  if (condition === null || typeof condition !== "object" || condition instanceof Date) {
    return holds(key, condition)
  }
  return all(Object.entries(condition).map(([op, expected]) => operator(key, op, expected)))
}

/**
 * The Search Module's filter DSL as a SQL condition over the stored document, so the
 * database filters before it counts, ranks and pages. Same meaning as Meilisearch's:
 * a condition on an array field holds when one element satisfies it; `id` is the
 * document's key; `q` is not a filter.
 */
export function compileSqlFilters(filters: SearchTypes.SearchFilters | undefined): SqlCondition {
  if (!filters) return all([])
  return all(
    Object.entries(filters)
      .filter(([key, condition]) => key !== "q" && condition !== undefined)
      .map(([key, condition]) => {
        if (key === "$and")
          return all((condition as SearchTypes.SearchFilters[]).map(compileSqlFilters))
        if (key === "$or")
          return any((condition as SearchTypes.SearchFilters[]).map(compileSqlFilters))
        if (key === "$not") return not(compileSqlFilters(condition as SearchTypes.SearchFilters))
        return field(key, condition)
      })
  )
}

/** A Postgres array literal, `{"a","b"}`: one parameter however many elements. */
export const pgTextArray = (values: string[]) =>
  `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`
