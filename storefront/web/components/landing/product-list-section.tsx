import {
  isProductBadge,
  messages,
  type LandingProductListSection,
  type Product,
} from "@health/core"
import Link from "next/link"
import { ProductCard } from "@/components/product/product-card"

/** Chosen products, or those with a tag (热销, 新品); nothing when none is on sale. */
export function ProductListSection({
  section,
}: {
  section: LandingProductListSection & { products: Product[] }
}) {
  if (!section.products.length) return null
  // The product list filters by 热销 and 新品 only.
  const tag = section.product_tag?.trim()
  return (
    <section className="section" data-testid="landing-products">
      <div className="section-head">
        {section.heading && <h2>{section.heading}</h2>}
        {isProductBadge(tag) && (
          <Link href={`/products?tag=${encodeURIComponent(tag)}`}>
            {messages.landing.moreProducts} ›
          </Link>
        )}
      </div>
      <div className="grid products-grid">
        {section.products.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
    </section>
  )
}
