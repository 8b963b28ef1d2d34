import { formatCNY } from "@health/core"
import { member } from "@/lib/backends"
import { readToken } from "@/lib/session"
import { posterPrice, type Priced } from "@/lib/product-poster-price"
import { productPosterLink } from "@/lib/product-share-link"
import { ProductPosterButton } from "./product-poster-button"

/**
 * "分享赚 ¥x" for distributors: what sharing this product earns at level 1, as the
 * affiliate plugin computes it, with the product's share poster beside it. Nothing for other
 * visitors, or if the lookup fails.
 */
export async function ShareEarning({
  product,
}: {
  product: { id: string; handle: string; title: string; variants: Priced["variants"] }
}) {
  const token = await readToken()
  if (!token) return null
  const [[earning], affiliate] = await Promise.all([
    member.affiliate.shareEarnings(token, [product.id]).catch(() => []),
    member.affiliate.me(token).catch(() => null),
  ])
  if (!earning || earning.amount <= 0) return null
  return (
    <div className="share-earning-row">
      <a href="/account/affiliate" className="share-earning" data-testid="share-earning">
        分享赚 {formatCNY(earning.amount)}
      </a>
      {affiliate && (
        <ProductPosterButton
          handle={product.handle}
          title={product.title}
          price={posterPrice(product)}
          link={productPosterLink(affiliate.link, product.handle, affiliate.code)}
        />
      )}
    </div>
  )
}
