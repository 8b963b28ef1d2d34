/**
 * The text forms the Postgres provider stores and matches. Chinese has no spaces between
 * words, so a query term matches wherever it occurs as a substring; full-width letters,
 * digits and brackets (ＢＲＣＡ，（２人）) fold to their ASCII forms and case is ignored.
 */
export const normalizeSearchText = (value: string) => value.normalize("NFKC").toLowerCase()

/** A stored value as text: arrays (tags) joined with spaces. */
export const fieldText = (value: unknown): string =>
  Array.isArray(value) ? value.map(fieldText).join(" ") : value == null ? "" : String(value)

/** The query's terms, normalised; every term must occur in a document. */
export const queryTerms = (q: string | undefined) => [
  ...new Set(
    normalizeSearchText(q ?? "")
      .split(/\s+/)
      .filter(Boolean)
  ),
]

/**
 * The distinct two-character windows of a normalised text (code points, not UTF-16
 * units), leaving out those with whitespace, which no term contains. A document holds a
 * term of two or more characters only if it holds every bigram of that term, so a GIN
 * index on the bigrams narrows the rows before the exact substring check; it needs no
 * extension (pg_trgm finds no trigram in a two-character query such as 基因).
 */
export function bigrams(text: string): string[] {
  const chars = Array.from(text)
  const grams = new Set<string>()
  for (let i = 0; i < chars.length - 1; i++) {
    const gram = chars[i] + chars[i + 1]
    if (!/\s/.test(gram)) grams.add(gram)
  }
  return [...grams]
}
