import { toFen } from "../format"
import type { Product, Variant } from "./types"

/** The lowest variant price of a product, for "¥699 起" on cards; null when nothing is priced. */
export function lowestPrice(product: Product): number | null {
  const fens = (product.variants ?? [])
    .map((v) => v.calculated_price?.calculated_amount)
    .filter((amount): amount is number | string => amount !== undefined && amount !== null)
    .map(toFen)
  return fens.length ? Math.min(...fens) / 100 : null
}

/**
 * The cheapest variant, so a product page opens on the price its card advertised ("起"); the
 * web and the mini-program both open on it. Unpriced variants come last.
 */
export function cheapestVariant(variants: Variant[] = []): Variant | undefined {
  const price = (v: Variant) =>
    toFen(v.calculated_price?.calculated_amount ?? Number.MAX_SAFE_INTEGER)
  return [...variants].sort((a, b) => price(a) - price(b))[0]
}

/** The variant whose option values match every chosen option, if any. */
export function findVariant(product: Product, chosen: Record<string, string>): Variant | undefined {
  return (product.variants ?? []).find((variant) =>
    Object.entries(chosen).every(([optionId, value]) =>
      (variant.options ?? []).some(
        (o) => (o.option_id ?? o.option?.id) === optionId && o.value === value
      )
    )
  )
}

/** The chosen option values of a variant, keyed by option id. */
export function optionsOf(variant: Variant): Record<string, string> {
  return Object.fromEntries(
    (variant.options ?? [])
      .map((o) => [o.option_id ?? o.option?.id ?? "", o.value])
      .filter(([id]) => id)
  )
}
