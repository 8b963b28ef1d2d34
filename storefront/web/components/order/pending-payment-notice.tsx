import { formatCNY } from "@health/core"
import Link from "next/link"
import { pendingWechatPayments, type PendingPayment } from "@/lib/pending-payment"

/**
 * At the top of 待付款: WeChat payments left open (on this or another device), to finish or,
 * once expired, submit again.
 */
export async function PendingPaymentNotice() {
  const pending = await pendingWechatPayments()
  return pending.map((payment) => <PendingPaymentRow key={payment.cartId} pending={payment} />)
}

function PendingPaymentRow({ pending }: { pending: PendingPayment }) {
  return (
    <div className="notice pending-payment" data-testid="pending-payment">
      <p>
        <strong>待支付 {formatCNY(pending.total)}</strong>
        <span className="muted"> · {pending.titles.join("、")}</span>
      </p>
      {pending.expired ? (
        <p>
          微信支付已超时，购物车仍为您保留。
          <Link href="/checkout" className="button small primary">
            重新提交订单
          </Link>
        </p>
      ) : (
        <p>
          已发起微信支付，尚未完成。
          <Link href={`/checkout/pay?cart=${pending.cartId}`} className="button small primary">
            继续支付
          </Link>
        </p>
      )}
    </div>
  )
}
