import { CONSTITUTION_CODES } from "@health/contracts"
import { AGE_GROUP_CATEGORIES, productsForTags } from "../cms/related-products"
import type { Tag } from "../cms/types"

type Tagged = {
  id: string
  categories?: { handle: string }[] | null
  tags?: { value: string }[] | null
}

/**
 * The member's tags (GET /store/health-archive/suggestions) in the order suggestions are
 * drawn from them: genes their reports flag first, as the most personal, then constitution
 * types, tests bought and age group as the server gave them.
 */
export function suggestionTagOrder(tags: string[]): string[] {
  const genes = tags.filter((tag) => tag.startsWith("gene-"))
  return [...genes, ...tags.filter((tag) => !tag.startsWith("gene-"))]
}

/** The gene a `gene-<gene>` tag names, upper case as reports print it (BRCA1). */
export const geneOfTag = (tag: string) => tag.slice("gene-".length).toUpperCase()

/** What kind of CMS tag a member tag is: its slug says (see commerce's member-tags.ts). */
function kindOf(slug: string): Tag["kind"] {
  if ((CONSTITUTION_CODES as readonly string[]).includes(slug)) return "constitution"
  if (slug in AGE_GROUP_CATEGORIES) return "age_group"
  return "test_category"
}

/**
 * Products for the member's tags, each once: first those staff tagged with a flagged gene
 * (Medusa tag `gene-mthfr` or `MTHFR`), then those the other tags relate to, as article
 * pages relate them (productsForTags).
 */
export function productsForMemberTags<P extends Tagged>(
  products: P[],
  tags: string[],
  limit = 4
): P[] {
  const chosen = new Map<string, P>()
  const ordered = suggestionTagOrder(tags)
  for (const tag of ordered.filter((t) => t.startsWith("gene-"))) {
    const wanted = new Set([tag, geneOfTag(tag)])
    for (const product of products) {
      if ((product.tags ?? []).some((t) => wanted.has(t.value))) chosen.set(product.id, product)
    }
  }
  const others = ordered
    .filter((t) => !t.startsWith("gene-"))
    .map((slug) => ({ slug, kind: kindOf(slug) }))
  for (const product of productsForTags(products, others, products.length)) {
    if (!chosen.has(product.id)) chosen.set(product.id, product)
  }
  return [...chosen.values()].slice(0, limit)
}

/** Articles for the member's tags (CMS tag slugs), in the tags' order and each once. */
export function articlesForTags<A extends { documentId: string }>(
  articlesByTag: Record<string, A[]>,
  tags: string[],
  limit = 4
): A[] {
  const chosen = new Map<string, A>()
  for (const tag of suggestionTagOrder(tags)) {
    for (const article of articlesByTag[tag] ?? []) chosen.set(article.documentId, article)
  }
  return [...chosen.values()].slice(0, limit)
}
