import { formatCNY, productRatesFromMetadata, shareEarning } from "@health/core"
import { member } from "@/lib/backends"
import { readToken } from "@/lib/session"

/**
 * "分享赚 ¥x" for distributors: what sharing this product earns at level 1, from the
 * product's own rate when it has one. Nothing for other visitors, or if the lookup fails.
 */
export async function ShareEarning({
  price,
  metadata,
}: {
  price: number | null
  metadata: Record<string, unknown> | null | undefined
}) {
  const token = await readToken()
  if (!token || price === null) return null
  const affiliate = await member.affiliate.me(token).catch(() => null)
  if (affiliate?.status !== "distributor") return null
  const rate = productRatesFromMetadata(metadata)?.[0] ?? affiliate.programme.rates_percent[0]
  const earning = shareEarning(price, rate)
  if (earning <= 0) return null
  return (
    <a href="/account/affiliate" className="share-earning" data-testid="share-earning">
      分享赚 {formatCNY(earning)}
    </a>
  )
}
