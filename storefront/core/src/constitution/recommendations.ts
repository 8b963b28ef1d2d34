import { CONSTITUTION_NAMES, type ConstitutionCode } from "@health/contracts"

type Tagged = { tags?: { value: string }[] | null }

/**
 * Products recommended for the types that apply, in the types' order and each once. A product
 * is for a type when one of its tags is the type's code or name (气虚质), as staff tag them.
 */
export function productsForTypes<P extends Tagged & { id: string }>(
  products: P[],
  codes: ConstitutionCode[],
  limit = 4
): P[] {
  const chosen = new Map<string, P>()
  for (const code of codes) {
    const wanted = new Set([code, CONSTITUTION_NAMES[code]])
    for (const product of products) {
      if ((product.tags ?? []).some((tag) => wanted.has(tag.value))) chosen.set(product.id, product)
    }
  }
  return [...chosen.values()].slice(0, limit)
}

/** Articles tagged with the types that apply (CMS tag slugs are the codes), each once. */
export function articlesForTypes<A extends { documentId: string }>(
  articlesByCode: Partial<Record<ConstitutionCode, A[]>>,
  codes: ConstitutionCode[],
  limit = 4
): A[] {
  const chosen = new Map<string, A>()
  for (const code of codes) {
    for (const article of articlesByCode[code] ?? []) chosen.set(article.documentId, article)
  }
  return [...chosen.values()].slice(0, limit)
}
