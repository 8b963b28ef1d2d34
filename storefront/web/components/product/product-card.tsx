import { formatCNY, lowestPrice, messages, type Product } from "@health/core"
import Link from "next/link"
import { ProductBadges } from "./product-badges"

export function ProductCard({ product }: { product: Product }) {
  const price = lowestPrice(product)
  return (
    <Link
      href={`/products/${product.handle}`}
      className="card product-card"
      data-testid="product-card"
    >
      {product.thumbnail && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={product.thumbnail} alt={product.title} className="card-image" loading="lazy" />
      )}
      <div className="card-body">
        <ProductBadges product={product} />
        <h3 className="card-title">{product.title}</h3>
        {product.subtitle && <p className="card-subtitle">{product.subtitle}</p>}
        <p className="price">
          {price === null ? (
            messages.product.soldOut
          ) : (
            <>
              {formatCNY(price)} <small>{messages.product.from}</small>
            </>
          )}
        </p>
      </div>
    </Link>
  )
}
