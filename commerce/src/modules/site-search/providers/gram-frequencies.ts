import type { SearchDocumentStore } from "./search-document-store"

/** Share of documents above which a bigram no longer narrows a search (see `useful`). */
const COMMON = 0.1
/** How long ANALYZE's statistics are kept before being read again. */
const REFRESH_MS = 60_000

/**
 * The bigrams most documents contain (基因 in a catalogue of 基因检测), from the statistics
 * ANALYZE keeps for the GIN-indexed `grams` column. A term made only of such bigrams is
 * searched without the bigram condition: the planner scans the table for it anyway, and
 * the condition would then unpack every row's bigrams for nothing, since the substring
 * check decides alone. Rare bigrams keep it, and the index finds their few rows.
 */
export class GramFrequencies {
  protected frequencies_: Promise<Map<string, number>> | null = null
  protected readAt_ = 0

  constructor(protected readonly store_: SearchDocumentStore) {}

  protected async read(): Promise<Map<string, number>> {
    const [row] = await this.store_.executeSearchSql<{ elems: string[]; freqs: number[] }>(
      `select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
       from pg_stats where schemaname = current_schema()
         and tablename = 'site_search_document' and attname = 'grams'`
    )
    const frequencies = new Map<string, number>()
    row?.elems?.forEach((gram, i) => frequencies.set(gram, Number(row.freqs[i])))
    return frequencies
  }

  /** Whether the index narrows a search for a term with these bigrams. */
  async useful(grams: string[]): Promise<boolean> {
    if (!grams.length) return false
    if (!this.frequencies_ || Date.now() - this.readAt_ > REFRESH_MS) {
      this.readAt_ = Date.now()
      this.frequencies_ = this.read().catch(() => new Map())
    }
    const frequencies = await this.frequencies_
    // Every bigram must be present, so the rarest one bounds the rows (unlisted = rare).
    return grams.some((gram) => (frequencies.get(gram) ?? 0) < COMMON)
  }
}
