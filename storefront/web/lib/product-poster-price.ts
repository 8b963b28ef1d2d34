import { formatCNY, toFen, type Money } from "@health/core"

/** The price a product's share poster prints, and the version of it its URL carries. */
export type PosterPrice = {
  /** "¥699.00", with 起 when the variants differ in price; null when nothing is priced. */
  text: string | null
  /**
   * Lowest and highest price in fen ("69900-129900", "none"): part of the poster's URL, so a
   * browser that kept the picture of the old price (an <img> is reused by URL within a page,
   * whatever its cache headers say) asks for a new one when the price changes.
   */
  version: string
}

/** What a price is read from: a product's variants with their prices for the shop's region. */
export type Priced = {
  variants?: { calculated_price?: { calculated_amount: Money } | null }[] | null
}

/** Lowest and highest price the shop sells the product for now, in exact fen. */
export function priceRangeFen(product: Priced): [number, number] | null {
  const fens = (product.variants ?? [])
    .map((variant) => variant.calculated_price?.calculated_amount)
    .filter((amount): amount is number | string => amount !== undefined && amount !== null)
    .map(toFen)
  return fens.length ? [Math.min(...fens), Math.max(...fens)] : null
}

/** What the poster prints for the product's current prices (the product page's source). */
export function posterPrice(product: Priced): PosterPrice {
  const range = priceRangeFen(product)
  if (!range) return { text: null, version: "none" }
  const [lowest, highest] = range
  return {
    text: `${formatCNY(lowest / 100)}${highest > lowest ? " 起" : ""}`,
    version: `${lowest}-${highest}`,
  }
}

/** Where the poster PNG of a product comes from (app/api/affiliate/poster). */
export const posterUrl = (handle: string, price: PosterPrice, download = false) =>
  `/api/affiliate/poster?product=${encodeURIComponent(handle)}&v=${encodeURIComponent(price.version)}${download ? "&download=1" : ""}`
