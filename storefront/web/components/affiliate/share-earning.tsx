import { formatCNY } from "@health/core"
import { member } from "@/lib/backends"
import { readToken } from "@/lib/session"

/**
 * "分享赚 ¥x" for distributors: what sharing this product earns at level 1, as the
 * affiliate plugin computes it. Nothing for other visitors, or if the lookup fails.
 */
export async function ShareEarning({ productId }: { productId: string }) {
  const token = await readToken()
  if (!token) return null
  const [earning] = await member.affiliate.shareEarnings(token, [productId]).catch(() => [])
  if (!earning || earning.amount <= 0) return null
  return (
    <a href="/account/affiliate" className="share-earning" data-testid="share-earning">
      分享赚 {formatCNY(earning.amount)}
    </a>
  )
}
