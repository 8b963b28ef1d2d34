import { productBadges, type Product } from "@health/core"

/** 热销 / 新品 from the product's tags; nothing when it has neither. */
export function ProductBadges({ product }: { product: Pick<Product, "tags"> }) {
  const badges = productBadges(product)
  if (!badges.length) return null
  return (
    <p className="product-badges">
      {badges.map((badge) => (
        <span key={badge} className={badge === "新品" ? "product-badge new" : "product-badge"}>
          {badge}
        </span>
      ))}
    </p>
  )
}
