import { member } from "./backends"
import { productPosterLink } from "./product-share-link"

/** What sharing one product earns a distributor at level 1, and the link their poster carries. */
export type ShareEarningOffer = { amount: number; posterLink: string | null }

/**
 * The signed-in distributor's 分享赚 for a product, as the affiliate plugin computes it; null
 * for anyone who earns nothing by sharing it, or when the lookup fails.
 */
export async function shareEarningOffer(
  token: string,
  product: { id: string; handle: string }
): Promise<ShareEarningOffer | null> {
  const [[earning], affiliate] = await Promise.all([
    member.affiliate.shareEarnings(token, [product.id]).catch(() => []),
    member.affiliate.me(token).catch(() => null),
  ])
  if (!earning || earning.amount <= 0) return null
  return {
    amount: earning.amount,
    posterLink: affiliate
      ? productPosterLink(affiliate.link, product.handle, affiliate.code)
      : null,
  }
}
