import {
  formatCNY,
  formatDateTime,
  orderState,
  orderStateLabel,
  type MemberOrder,
} from "@health/core"
import Link from "next/link"

/** One order in 我的订单: what was bought, its state in one word, and what to do next. */
export function OrderRow({ order }: { order: MemberOrder }) {
  const state = orderState(order)
  return (
    <li className="order-row" data-testid="order-row">
      <div>
        <Link href={`/account/orders/${order.id}`}>
          <strong>订单 #{order.display_id}</strong>
        </Link>
        <span className="muted"> · {formatDateTime(order.created_at)}</span>
        <p className="muted">{order.items.map((item) => item.title).join("、")}</p>
      </div>
      <div className="order-side">
        <span className="price">{formatCNY(order.total)}</span>
        <span className={`chip order-state-${state}`} data-testid="order-state">
          {orderStateLabel(order)}
        </span>
        {state === "unpaid" && (
          // Offline orders: the transfer details and the order number to quote.
          <Link href={`/checkout/done/${order.id}`} className="button small">
            付款说明
          </Link>
        )}
      </div>
    </li>
  )
}
