import { messages, type Product } from "@health/core"
import { ProductCard } from "@/components/product/product-card"

/** 相关检测产品 under an article or on a tag page; nothing at all when there are none. */
export function RelatedProducts({ products }: { products: Product[] }) {
  if (products.length === 0) return null
  return (
    <section className="related-products" aria-labelledby="related-products-title">
      <h2 id="related-products-title">{messages.articles.relatedProducts}</h2>
      <div className="grid products-grid">
        {products.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
    </section>
  )
}
