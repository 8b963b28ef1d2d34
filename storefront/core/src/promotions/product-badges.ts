import type { Product } from "../commerce/types"

/**
 * The merchandising tags shown as badges on product cards and offered as list filters
 * (operations tag products in Medusa's admin; the demo catalogue has both).
 */
export const PRODUCT_BADGES = ["热销", "新品"] as const
export type ProductBadge = (typeof PRODUCT_BADGES)[number]

export function isProductBadge(value: unknown): value is ProductBadge {
  return (PRODUCT_BADGES as readonly unknown[]).includes(value)
}

/** The product's badges, in PRODUCT_BADGES order whatever the order of its tags. */
export function productBadges(product: Pick<Product, "tags">): ProductBadge[] {
  const values = new Set((product.tags ?? []).map((tag) => tag.value))
  return PRODUCT_BADGES.filter((badge) => values.has(badge))
}
