import type { SearchTypes } from "@medusajs/framework/types"

const OPERATORS = new Set(["$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte", "$exists"])

const literal = (value: unknown): string => {
  if (value === null) return "null"
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  if (value instanceof Date) return String(value.getTime())
  return JSON.stringify(String(value))
}

const attribute = (field: string) => {
  if (!/^[A-Za-z0-9_.]+$/.test(field)) {
    throw new Error(`Meilisearch cannot filter on the field "${field}"`)
  }
  return field
}

function compileField(field: string, condition: unknown): string[] {
  const name = attribute(field)
  if (Array.isArray(condition)) return [`${name} IN [${condition.map(literal).join(", ")}]`]
  if (condition === null || typeof condition !== "object" || condition instanceof Date) {
    return [`${name} = ${literal(condition)}`]
  }
  return Object.entries(condition as Record<string, unknown>).map(([op, value]) => {
    if (!OPERATORS.has(op)) {
      throw new Error(`Meilisearch provider does not support the filter operator ${op}`)
    }
    switch (op) {
      case "$eq":
        return `${name} = ${literal(value)}`
      case "$ne":
        return `${name} != ${literal(value)}`
      case "$in":
        return `${name} IN [${(value as unknown[]).map(literal).join(", ")}]`
      case "$nin":
        return `${name} NOT IN [${(value as unknown[]).map(literal).join(", ")}]`
      case "$lt":
        return `${name} < ${literal(value)}`
      case "$lte":
        return `${name} <= ${literal(value)}`
      case "$gt":
        return `${name} > ${literal(value)}`
      case "$gte":
        return `${name} >= ${literal(value)}`
      default:
        return value ? `${name} EXISTS` : `${name} NOT EXISTS`
    }
  })
}

/**
 * Compiles the Search Module's filter DSL to a Meilisearch filter expression. Operators
 * Meilisearch cannot express are rejected rather than approximated; `q` is not a filter.
 */
export function compileFilters(filters: SearchTypes.SearchFilters | undefined): string | undefined {
  if (!filters) return undefined
  const parts: string[] = []
  for (const [key, value] of Object.entries(filters)) {
    if (key === "q" || value === undefined) continue
    if (key === "$and" || key === "$or") {
      const inner = (value as SearchTypes.SearchFilters[])
        .map((f) => compileFilters(f))
        .filter((f): f is string => !!f)
      if (inner.length) parts.push(`(${inner.join(key === "$and" ? " AND " : " OR ")})`)
    } else if (key === "$not") {
      const inner = compileFilters(value as SearchTypes.SearchFilters)
      if (inner) parts.push(`NOT (${inner})`)
    } else {
      parts.push(...compileField(key, value))
    }
  }
  return parts.length ? parts.join(" AND ") : undefined
}
