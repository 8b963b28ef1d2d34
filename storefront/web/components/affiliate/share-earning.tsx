"use client"

import { formatCNY } from "@health/core"
import { useEffect, useState } from "react"
import { posterPrice, type Priced } from "@/lib/product-poster-price"
import type { ShareEarningOffer } from "@/lib/share-earning"
import { ProductPosterButton } from "./product-poster-button"

async function readOffer(product: { id: string; handle: string }) {
  const query = new URLSearchParams({ product: product.id, handle: product.handle })
  try {
    const response = await fetch(`/api/affiliate/share-earning?${query}`, { cache: "no-store" })
    if (!response.ok) return null
    return ((await response.json()) as { offer: ShareEarningOffer | null }).offer
  } catch {
    return null
  }
}

/**
 * "分享赚 ¥x" for distributors: what sharing this product earns at level 1, with the product's
 * share poster beside it, read in the browser so the product page stays the same for everyone
 * (and served from cache). Nothing for other visitors, or if the lookup fails.
 */
export function ShareEarning({
  product,
}: {
  product: { id: string; handle: string; title: string; variants: Priced["variants"] }
}) {
  const [offer, setOffer] = useState<ShareEarningOffer | null>(null)
  const { id, handle } = product
  useEffect(() => {
    let current = true
    void readOffer({ id, handle }).then((next) => current && setOffer(next))
    return () => {
      current = false
    }
  }, [id, handle])

  if (!offer) return null
  return (
    <div className="share-earning-row">
      <a href="/account/affiliate" className="share-earning" data-testid="share-earning">
        分享赚 {formatCNY(offer.amount)}
      </a>
      {offer.posterLink && (
        <ProductPosterButton
          handle={product.handle}
          title={product.title}
          price={posterPrice(product)}
          link={offer.posterLink}
        />
      )}
    </div>
  )
}
