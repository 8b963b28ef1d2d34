/**
 * Other spellings of one request path that a router may still route to the same handler
 * (or that a naive gate may read differently): letter case, a trailing slash, doubled
 * slashes, percent-encoded letters. Parameters are left as they are: ids are case-sensitive.
 */
export type Spelling = "canonical" | "upper" | "mixed" | "trailing" | "double" | "encoded"

export const SPELLINGS: Spelling[] = [
  "canonical",
  "upper",
  "mixed",
  "trailing",
  "double",
  "encoded",
]

const encodeFirst = (segment: string) =>
  `%${segment.charCodeAt(0).toString(16).toUpperCase()}${segment.slice(1)}`

/** `/admin/affiliate/withdrawals/:id/approve` with its parameters filled in. */
export function fillPattern(pattern: string) {
  return pattern.replace(/:(\w+)(\([^)]*\))?\??/g, (_, name: string) => `${name}_missing`)
}

export function spell(pattern: string, spelling: Spelling): string {
  const segments = pattern.split("/")
  const isStatic = (segment: string) => segment !== "" && !segment.startsWith(":")
  // The last fixed segment after /admin: where a gate's prefix rule usually looks.
  const staticIndexes = segments.map((s, i) => (isStatic(s) && i > 1 ? i : -1)).filter((i) => i > 0)
  const at = staticIndexes[staticIndexes.length - 1] ?? 1
  const change = (fn: (segment: string) => string) =>
    fillPattern(segments.map((segment, i) => (i === at ? fn(segment) : segment)).join("/"))
  switch (spelling) {
    case "canonical":
      return fillPattern(pattern)
    case "upper":
      return fillPattern(segments.map((s) => (isStatic(s) ? s.toUpperCase() : s)).join("/"))
    case "mixed":
      return change((s) => s.charAt(0).toUpperCase() + s.slice(1))
    case "trailing":
      return `${fillPattern(pattern)}/`
    case "double":
      return change((s) => `/${s}`)
    case "encoded":
      return change(encodeFirst)
  }
}
